/* sl-workspace.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-budget-line-store.h"
#include "sl-campaign-store.h"
#include "sl-channel-store.h"
#include "sl-database.h"
#include "sl-kpi-store.h"
#include "sl-metric.h"
#include "sl-money.h"
#include "sl-period.h"
#include "sl-undo-stack.h"
#include "sl-user-role.h"

G_BEGIN_DECLS

#define SL_WORKSPACE_ERROR (sl_workspace_error_quark ())

typedef enum
{
  SL_WORKSPACE_ERROR_INVALID_SETTING,  /* a setting out of its range */
} SlWorkspaceError;

#define SL_TYPE_WORKSPACE (sl_workspace_get_type ())
G_DECLARE_FINAL_TYPE (SlWorkspace, sl_workspace, SL, WORKSPACE, GObject)

GQuark             sl_workspace_error_quark         (void);

/* An open workspace file: its settings, its stores and its undo stack.
 * The one object views talk to; it emits ::changed (detail: the table)
 * after every change committed through it, once stores have reloaded,
 * and notifies the property of each setting that changed (name,
 * calendar, fiscal-start-month, reserve-basis-points,
 * deadline-offset-days, checkin-day). */
SlWorkspace       *sl_workspace_open                (const char   *path,
                                                     GError      **error);
SlWorkspace       *sl_workspace_create              (const char   *path,
                                                     const char   *name,
                                                     const char   *currency,
                                                     SlCalendar    calendar,
                                                     int           fiscal_start_month,
                                                     GError      **error);

SlDatabase        *sl_workspace_get_database        (SlWorkspace  *self);
const char        *sl_workspace_get_path            (SlWorkspace  *self);
const char        *sl_workspace_get_name            (SlWorkspace  *self);
const char        *sl_workspace_get_currency        (SlWorkspace  *self);
SlCalendar         sl_workspace_get_calendar        (SlWorkspace  *self);
int                sl_workspace_get_fiscal_start_month (SlWorkspace *self);
int                sl_workspace_get_reserve_basis_points (SlWorkspace *self);
/* Finance's calendar: the budget request is due this many days before a
 * fiscal quarter starts; the monthly check-in falls on this day (1–28). */
int                sl_workspace_get_deadline_offset_days (SlWorkspace *self);
int                sl_workspace_get_checkin_day     (SlWorkspace  *self);

/* Undoable edits of the settings, each one command on the undo stack.
 * A value out of range is refused (SL_WORKSPACE_ERROR_INVALID_SETTING)
 * and nothing is written; setting the current value writes nothing. */
gboolean           sl_workspace_set_name            (SlWorkspace  *self,
                                                     const char   *name,
                                                     GError      **error);
gboolean           sl_workspace_set_calendar        (SlWorkspace  *self,
                                                     SlCalendar    calendar,
                                                     GError      **error);
gboolean           sl_workspace_set_fiscal_start_month (SlWorkspace *self,
                                                     int           month,
                                                     GError      **error);
/* 0–10000 (100 %); DOMAIN.md advises 5–10 %. */
gboolean           sl_workspace_set_reserve_basis_points (SlWorkspace *self,
                                                     int           basis_points,
                                                     GError      **error);
/* 0–SL_WORKSPACE_MAX_DEADLINE_OFFSET days. */
gboolean           sl_workspace_set_deadline_offset_days (SlWorkspace *self,
                                                     int           days,
                                                     GError      **error);
gboolean           sl_workspace_set_checkin_day     (SlWorkspace  *self,
                                                     int           day,
                                                     GError      **error);

#define SL_WORKSPACE_MAX_DEADLINE_OFFSET 365
#define SL_WORKSPACE_MAX_CHECKIN_DAY     28

/* The author written into history; defaults to the user's real name. */
const char        *sl_workspace_get_author          (SlWorkspace  *self);
void               sl_workspace_set_author          (SlWorkspace  *self,
                                                     const char   *author);

/* The current user's role (property user-role): what the core lets
 * them do with shared items. Not stored in the file, which several
 * people's workspaces share through sync; the app remembers it.
 * Defaults to marketing. */
SlUserRole         sl_workspace_get_user_role       (SlWorkspace  *self);
void               sl_workspace_set_user_role       (SlWorkspace  *self,
                                                     SlUserRole    role);

SlUndoStack       *sl_workspace_get_undo_stack      (SlWorkspace  *self);
SlChannelStore    *sl_workspace_get_channels        (SlWorkspace  *self);
SlCampaignStore   *sl_workspace_get_campaigns       (SlWorkspace  *self);
/* The metrics finance asked for, in the Overview's order. */
SlKpiStore        *sl_workspace_get_kpis            (SlWorkspace  *self);
/* Undoable edits of that list (see SlKpiCommand for the errors). */
gboolean           sl_workspace_add_kpi             (SlWorkspace  *self,
                                                     SlMetric      metric,
                                                     GError      **error);
gboolean           sl_workspace_remove_kpi          (SlWorkspace  *self,
                                                     const char   *metric,
                                                     GError      **error);
/* @delta: -1 one place up, +1 one place down. */
gboolean           sl_workspace_move_kpi            (SlWorkspace  *self,
                                                     const char   *metric,
                                                     int           delta,
                                                     GError      **error);
/* A new store of @version's lines starting within @period, kept up to
 * date by the workspace for as long as the caller holds it. */
SlBudgetLineStore *sl_workspace_dup_budget_lines    (SlWorkspace    *self,
                                                     const char     *version,
                                                     const SlPeriod *period);

/* The fiscal year to show first: the one containing today if it has plan
 * lines, else the latest one that has, else today's. */
void               sl_workspace_get_default_fiscal_year (SlWorkspace *self,
                                                     SlPeriod     *out);
/* The last day with actual figures (spend or funnel), or
 * SL_DAY_INVALID when there are none: views open on the period that
 * holds it rather than on an empty month. */
SlDay              sl_workspace_get_last_actual_day (SlWorkspace  *self);
/* A fiscal year of this workspace's calendar and fiscal start. */
void               sl_workspace_get_fiscal_year     (SlWorkspace  *self,
                                                     SlDay         containing,
                                                     SlPeriod     *out);

/* Tells the workspace that @tables changed outside its undo stack (an
 * import, an undone import, a sync): stores reload and ::changed is
 * emitted, as after a command. */
void               sl_workspace_notify_changed      (SlWorkspace        *self,
                                                     const char * const *tables);
/* The tables an import or an undone import writes. */
extern const char * const sl_workspace_import_tables[];

/* Runs @command (taking ownership) through the undo stack. */
gboolean           sl_workspace_run                 (SlWorkspace  *self,
                                                     SlCommand    *command,
                                                     GError      **error);
/* Sets a budget cell (@channel_id 0: the reserve) of @version for the
 * month starting @month->first, undoably; @amount NULL clears it. */
gboolean           sl_workspace_set_budget_amount   (SlWorkspace    *self,
                                                     const char     *version,
                                                     gint64          channel_id,
                                                     const SlPeriod *month,
                                                     const SlMoney  *amount,
                                                     GError        **error);

G_END_DECLS
