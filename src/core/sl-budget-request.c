/* sl-budget-request.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-budget-request.h"

struct _SlBudgetRequest
{
  SlRecord  parent_instance;

  char     *title;
  SlDay     first_day;
  SlDay     last_day;
  SlDay     deadline_day;
  char     *status;
  char     *rationale;
  char     *author;
  gint64    created_at;
  gint64    updated_at;
};

G_DEFINE_FINAL_TYPE (SlBudgetRequest, sl_budget_request, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  PROP_DEADLINE_DAY,
  PROP_STATUS,
  PROP_RATIONALE,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_budget_request_finalize (GObject *object)
{
  SlBudgetRequest *self = (SlBudgetRequest *)object;

  g_free (self->title);
  g_free (self->status);
  g_free (self->rationale);
  g_free (self->author);

  G_OBJECT_CLASS (sl_budget_request_parent_class)->finalize (object);
}

static void
sl_budget_request_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlBudgetRequest *self = SL_REQUEST (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_FIRST_DAY: g_value_set_int (value, self->first_day); break;
    case PROP_LAST_DAY: g_value_set_int (value, self->last_day); break;
    case PROP_DEADLINE_DAY: g_value_set_int (value, self->deadline_day); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_RATIONALE: g_value_set_string (value, self->rationale); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_budget_request_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SlBudgetRequest *self = SL_REQUEST (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_free (self->title); self->title = g_value_dup_string (value); break;
    case PROP_FIRST_DAY: self->first_day = g_value_get_int (value); break;
    case PROP_LAST_DAY: self->last_day = g_value_get_int (value); break;
    case PROP_DEADLINE_DAY: self->deadline_day = g_value_get_int (value); break;
    case PROP_STATUS: g_free (self->status); self->status = g_value_dup_string (value); break;
    case PROP_RATIONALE: g_free (self->rationale); self->rationale = g_value_dup_string (value); break;
    case PROP_AUTHOR: g_free (self->author); self->author = g_value_dup_string (value); break;
    case PROP_CREATED_AT: self->created_at = g_value_get_int64 (value); break;
    case PROP_UPDATED_AT: self->updated_at = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_budget_request_class_init (SlBudgetRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_budget_request_finalize;
  object_class->get_property = sl_budget_request_get_property;
  object_class->set_property = sl_budget_request_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_DAY] =
    g_param_spec_int ("first-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_LAST_DAY] =
    g_param_spec_int ("last-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_DEADLINE_DAY] =
    g_param_spec_int ("deadline-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_RATIONALE] =
    g_param_spec_string ("rationale", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_budget_request_init (SlBudgetRequest *self)
{
}

SlBudgetRequest *
sl_budget_request_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = sl_record_column_text (stmt, 1);
  g_autofree char *title = sl_record_column_text (stmt, 2);
  g_autofree char *status = sl_record_column_text (stmt, 6);
  g_autofree char *rationale = sl_record_column_text (stmt, 7);
  g_autofree char *author = sl_record_column_text (stmt, 8);

  return g_object_new (SL_TYPE_BUDGET_REQUEST,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "title", title,
                       "first-day", sqlite3_column_int (stmt, 3),
                       "last-day", sqlite3_column_int (stmt, 4),
                       "deadline-day", sqlite3_column_type (stmt, 5) == SQLITE_NULL ? SL_DAY_INVALID : sqlite3_column_int (stmt, 5),
                       "status", status,
                       "rationale", rationale,
                       "author", author,
                       "created-at", sqlite3_column_int64 (stmt, 9),
                       "updated-at", sqlite3_column_int64 (stmt, 10),
                       NULL);
}

const char *
sl_budget_request_get_title (SlBudgetRequest *self)
{
  g_return_val_if_fail (SL_IS_REQUEST (self), NULL);
  return self->title;
}

SlDay
sl_budget_request_get_first_day (SlBudgetRequest *self)
{
  g_return_val_if_fail (SL_IS_REQUEST (self), 0);
  return self->first_day;
}

SlDay
sl_budget_request_get_last_day (SlBudgetRequest *self)
{
  g_return_val_if_fail (SL_IS_REQUEST (self), 0);
  return self->last_day;
}

SlDay
sl_budget_request_get_deadline_day (SlBudgetRequest *self)
{
  g_return_val_if_fail (SL_IS_REQUEST (self), SL_DAY_INVALID);
  return self->deadline_day;
}

const char *
sl_budget_request_get_status (SlBudgetRequest *self)
{
  g_return_val_if_fail (SL_IS_REQUEST (self), NULL);
  return self->status;
}

const char *
sl_budget_request_get_rationale (SlBudgetRequest *self)
{
  g_return_val_if_fail (SL_IS_REQUEST (self), NULL);
  return self->rationale;
}

const char *
sl_budget_request_get_author (SlBudgetRequest *self)
{
  g_return_val_if_fail (SL_IS_REQUEST (self), NULL);
  return self->author;
}

gint64
sl_budget_request_get_created_at (SlBudgetRequest *self)
{
  g_return_val_if_fail (SL_IS_REQUEST (self), 0);
  return self->created_at;
}

gint64
sl_budget_request_get_updated_at (SlBudgetRequest *self)
{
  g_return_val_if_fail (SL_IS_REQUEST (self), 0);
  return self->updated_at;
}

const char *
sl_budget_request_status_get_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    /* Translators: the status of a budget request */
    return C_("request status", "Draft");
  if (g_strcmp0 (status, "submitted") == 0)
    /* Translators: the status of a budget request */
    return C_("request status", "Submitted");
  if (g_strcmp0 (status, "approved") == 0)
    /* Translators: the status of a budget request */
    return C_("request status", "Approved");
  if (g_strcmp0 (status, "rejected") == 0)
    /* Translators: the status of a budget request */
    return C_("request status", "Rejected");
  return status;
}
