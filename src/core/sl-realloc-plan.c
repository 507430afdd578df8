/* sl-realloc-plan.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-realloc-plan.h"

struct _SlReallocPlan
{
  SlRecord  parent_instance;

  char     *title;
  char     *rationale;
  char     *status;
  char     *scenario_group;
  gint64    reserve_draw_minor;
  char     *currency;
  gint64    goal_id;
  char     *author;
  gint64    created_at;
  gint64    updated_at;
  gint64    applied_at;
};

G_DEFINE_FINAL_TYPE (SlReallocPlan, sl_realloc_plan, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_RATIONALE,
  PROP_STATUS,
  PROP_SCENARIO_GROUP,
  PROP_RESERVE_DRAW_MINOR,
  PROP_CURRENCY,
  PROP_GOAL_ID,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_APPLIED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_realloc_plan_finalize (GObject *object)
{
  SlReallocPlan *self = (SlReallocPlan *)object;

  g_free (self->title);
  g_free (self->rationale);
  g_free (self->status);
  g_free (self->scenario_group);
  g_free (self->currency);
  g_free (self->author);

  G_OBJECT_CLASS (sl_realloc_plan_parent_class)->finalize (object);
}

static void
sl_realloc_plan_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SlReallocPlan *self = SL_REALLOC_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_RATIONALE: g_value_set_string (value, self->rationale); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_SCENARIO_GROUP: g_value_set_string (value, self->scenario_group); break;
    case PROP_RESERVE_DRAW_MINOR: g_value_set_int64 (value, self->reserve_draw_minor); break;
    case PROP_CURRENCY: g_value_set_string (value, self->currency); break;
    case PROP_GOAL_ID: g_value_set_int64 (value, self->goal_id); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    case PROP_APPLIED_AT: g_value_set_int64 (value, self->applied_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_realloc_plan_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SlReallocPlan *self = SL_REALLOC_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_free (self->title); self->title = g_value_dup_string (value); break;
    case PROP_RATIONALE: g_free (self->rationale); self->rationale = g_value_dup_string (value); break;
    case PROP_STATUS: g_free (self->status); self->status = g_value_dup_string (value); break;
    case PROP_SCENARIO_GROUP: g_free (self->scenario_group); self->scenario_group = g_value_dup_string (value); break;
    case PROP_RESERVE_DRAW_MINOR: self->reserve_draw_minor = g_value_get_int64 (value); break;
    case PROP_CURRENCY: g_free (self->currency); self->currency = g_value_dup_string (value); break;
    case PROP_GOAL_ID: self->goal_id = g_value_get_int64 (value); break;
    case PROP_AUTHOR: g_free (self->author); self->author = g_value_dup_string (value); break;
    case PROP_CREATED_AT: self->created_at = g_value_get_int64 (value); break;
    case PROP_UPDATED_AT: self->updated_at = g_value_get_int64 (value); break;
    case PROP_APPLIED_AT: self->applied_at = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_realloc_plan_class_init (SlReallocPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_realloc_plan_finalize;
  object_class->get_property = sl_realloc_plan_get_property;
  object_class->set_property = sl_realloc_plan_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_RATIONALE] =
    g_param_spec_string ("rationale", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_SCENARIO_GROUP] =
    g_param_spec_string ("scenario-group", NULL, NULL, NULL, flags);
  properties[PROP_RESERVE_DRAW_MINOR] =
    g_param_spec_int64 ("reserve-draw-minor", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_GOAL_ID] =
    g_param_spec_int64 ("goal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_APPLIED_AT] =
    g_param_spec_int64 ("applied-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_realloc_plan_init (SlReallocPlan *self)
{
}

SlReallocPlan *
sl_realloc_plan_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = sl_record_column_text (stmt, 1);
  g_autofree char *title = sl_record_column_text (stmt, 2);
  g_autofree char *rationale = sl_record_column_text (stmt, 3);
  g_autofree char *status = sl_record_column_text (stmt, 4);
  g_autofree char *scenario_group = sl_record_column_text (stmt, 5);
  g_autofree char *currency = sl_record_column_text (stmt, 7);
  g_autofree char *author = sl_record_column_text (stmt, 9);

  return g_object_new (SL_TYPE_REALLOC_PLAN,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "title", title,
                       "rationale", rationale,
                       "status", status,
                       "scenario-group", scenario_group,
                       "reserve-draw-minor", sqlite3_column_int64 (stmt, 6),
                       "currency", currency,
                       "goal-id", sl_record_column_id (stmt, 8),
                       "author", author,
                       "created-at", sqlite3_column_int64 (stmt, 10),
                       "updated-at", sqlite3_column_int64 (stmt, 11),
                       "applied-at", sqlite3_column_int64 (stmt, 12),
                       NULL);
}

const char *
sl_realloc_plan_get_title (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), NULL);
  return self->title;
}

const char *
sl_realloc_plan_get_rationale (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), NULL);
  return self->rationale;
}

const char *
sl_realloc_plan_get_status (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), NULL);
  return self->status;
}

const char *
sl_realloc_plan_get_scenario_group (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), NULL);
  return self->scenario_group;
}

gint64
sl_realloc_plan_get_reserve_draw_minor (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), 0);
  return self->reserve_draw_minor;
}

const char *
sl_realloc_plan_get_currency (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), NULL);
  return self->currency;
}

gint64
sl_realloc_plan_get_goal_id (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), 0);
  return self->goal_id;
}

const char *
sl_realloc_plan_get_author (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), NULL);
  return self->author;
}

gint64
sl_realloc_plan_get_created_at (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), 0);
  return self->created_at;
}

gint64
sl_realloc_plan_get_updated_at (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), 0);
  return self->updated_at;
}

gint64
sl_realloc_plan_get_applied_at (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), 0);
  return self->applied_at;
}

static const struct
{
  const char *from;
  const char *to;
} moves[] = {
  { SL_REALLOC_DRAFT, SL_REALLOC_PROPOSED },
  { SL_REALLOC_PROPOSED, SL_REALLOC_DRAFT },
  { SL_REALLOC_PROPOSED, SL_REALLOC_APPROVED },
  { SL_REALLOC_PROPOSED, SL_REALLOC_REJECTED },
  { SL_REALLOC_REJECTED, SL_REALLOC_DRAFT },
  { SL_REALLOC_APPROVED, SL_REALLOC_APPLIED },
};

gboolean
sl_realloc_status_can_move (const char *from,
                            const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    if (g_strcmp0 (moves[i].from, from) == 0 && g_strcmp0 (moves[i].to, to) == 0)
      return TRUE;
  return FALSE;
}

const char *
sl_realloc_status_get_label (const char *status)
{
  if (g_strcmp0 (status, SL_REALLOC_DRAFT) == 0)
    /* Translators: the status of a reallocation plan */
    return C_("plan status", "Draft");
  if (g_strcmp0 (status, SL_REALLOC_PROPOSED) == 0)
    /* Translators: the status of a reallocation plan */
    return C_("plan status", "Proposed");
  if (g_strcmp0 (status, SL_REALLOC_APPROVED) == 0)
    /* Translators: the status of a reallocation plan */
    return C_("plan status", "Approved");
  if (g_strcmp0 (status, SL_REALLOC_REJECTED) == 0)
    /* Translators: the status of a reallocation plan */
    return C_("plan status", "Rejected");
  if (g_strcmp0 (status, SL_REALLOC_APPLIED) == 0)
    /* Translators: the status of a reallocation plan */
    return C_("plan status", "Applied");
  return status;
}

const char *
sl_realloc_plan_get_status_label (SlReallocPlan *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN (self), NULL);
  return sl_realloc_status_get_label (self->status);
}
