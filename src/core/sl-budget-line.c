/* sl-budget-line.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-budget-line.h"

struct _SlBudgetLine
{
  SlRecord  parent_instance;

  char     *version;
  gint64    channel_id;
  gint64    campaign_id;
  gboolean  is_reserve;
  SlDay     first_day;
  SlDay     last_day;
  gint64    amount_minor;
  char     *currency;
  gint64    goal_id;
  char     *note;
  char     *reference;
  gint64    request_id;
};

G_DEFINE_FINAL_TYPE (SlBudgetLine, sl_budget_line, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_VERSION,
  PROP_CHANNEL_ID,
  PROP_CAMPAIGN_ID,
  PROP_IS_RESERVE,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  PROP_AMOUNT_MINOR,
  PROP_CURRENCY,
  PROP_GOAL_ID,
  PROP_NOTE,
  PROP_REFERENCE,
  PROP_REQUEST_ID,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_budget_line_finalize (GObject *object)
{
  SlBudgetLine *self = (SlBudgetLine *)object;

  g_free (self->version);
  g_free (self->currency);
  g_free (self->note);
  g_free (self->reference);

  G_OBJECT_CLASS (sl_budget_line_parent_class)->finalize (object);
}

static void
sl_budget_line_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlBudgetLine *self = SL_BUDGET_LINE (object);

  switch (prop_id)
    {
    case PROP_VERSION:      g_value_set_string (value, self->version); break;
    case PROP_CHANNEL_ID:   g_value_set_int64 (value, self->channel_id); break;
    case PROP_CAMPAIGN_ID:  g_value_set_int64 (value, self->campaign_id); break;
    case PROP_IS_RESERVE:   g_value_set_boolean (value, self->is_reserve); break;
    case PROP_FIRST_DAY:    g_value_set_int (value, self->first_day); break;
    case PROP_LAST_DAY:     g_value_set_int (value, self->last_day); break;
    case PROP_AMOUNT_MINOR: g_value_set_int64 (value, self->amount_minor); break;
    case PROP_CURRENCY:     g_value_set_string (value, self->currency); break;
    case PROP_GOAL_ID:      g_value_set_int64 (value, self->goal_id); break;
    case PROP_NOTE:         g_value_set_string (value, self->note); break;
    case PROP_REFERENCE:    g_value_set_string (value, self->reference); break;
    case PROP_REQUEST_ID:   g_value_set_int64 (value, self->request_id); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (char         **field,
            const GValue  *value)
{
  g_free (*field);
  *field = g_value_dup_string (value);
}

static void
sl_budget_line_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SlBudgetLine *self = SL_BUDGET_LINE (object);

  switch (prop_id)
    {
    case PROP_VERSION:      set_string (&self->version, value); break;
    case PROP_CHANNEL_ID:   self->channel_id = g_value_get_int64 (value); break;
    case PROP_CAMPAIGN_ID:  self->campaign_id = g_value_get_int64 (value); break;
    case PROP_IS_RESERVE:   self->is_reserve = g_value_get_boolean (value); break;
    case PROP_FIRST_DAY:    self->first_day = g_value_get_int (value); break;
    case PROP_LAST_DAY:     self->last_day = g_value_get_int (value); break;
    case PROP_AMOUNT_MINOR: self->amount_minor = g_value_get_int64 (value); break;
    case PROP_CURRENCY:     set_string (&self->currency, value); break;
    case PROP_GOAL_ID:      self->goal_id = g_value_get_int64 (value); break;
    case PROP_NOTE:         set_string (&self->note, value); break;
    case PROP_REFERENCE:    set_string (&self->reference, value); break;
    case PROP_REQUEST_ID:   self->request_id = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_budget_line_class_init (SlBudgetLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_budget_line_finalize;
  object_class->get_property = sl_budget_line_get_property;
  object_class->set_property = sl_budget_line_set_property;

  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_CHANNEL_ID] = g_param_spec_int64 ("channel-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CAMPAIGN_ID] = g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_IS_RESERVE] = g_param_spec_boolean ("is-reserve", NULL, NULL, FALSE, flags);
  properties[PROP_FIRST_DAY] = g_param_spec_int ("first-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_LAST_DAY] = g_param_spec_int ("last-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_AMOUNT_MINOR] = g_param_spec_int64 ("amount-minor", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_GOAL_ID] = g_param_spec_int64 ("goal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, flags);
  properties[PROP_REQUEST_ID] = g_param_spec_int64 ("request-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_budget_line_init (SlBudgetLine *self)
{
}

SlBudgetLine *
sl_budget_line_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = sl_record_column_text (stmt, 1);
  g_autofree char *version = sl_record_column_text (stmt, 2);
  g_autofree char *currency = sl_record_column_text (stmt, 9);
  g_autofree char *note = sl_record_column_text (stmt, 11);
  g_autofree char *reference = sl_record_column_text (stmt, 12);

  return g_object_new (SL_TYPE_BUDGET_LINE,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "version", version,
                       "channel-id", sl_record_column_id (stmt, 3),
                       "campaign-id", sl_record_column_id (stmt, 4),
                       "is-reserve", sqlite3_column_int (stmt, 5) != 0,
                       "first-day", sqlite3_column_int (stmt, 6),
                       "last-day", sqlite3_column_int (stmt, 7),
                       "amount-minor", sqlite3_column_int64 (stmt, 8),
                       "currency", currency,
                       "goal-id", sl_record_column_id (stmt, 10),
                       "note", note,
                       "reference", reference,
                       "request-id", sl_record_column_id (stmt, 13),
                       NULL);
}

const char *
sl_budget_line_get_version (SlBudgetLine *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE (self), NULL);
  return self->version;
}

gint64
sl_budget_line_get_channel_id (SlBudgetLine *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE (self), 0);
  return self->channel_id;
}

gint64
sl_budget_line_get_campaign_id (SlBudgetLine *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE (self), 0);
  return self->campaign_id;
}

gboolean
sl_budget_line_get_is_reserve (SlBudgetLine *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE (self), FALSE);
  return self->is_reserve;
}

SlDay
sl_budget_line_get_first_day (SlBudgetLine *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE (self), 0);
  return self->first_day;
}

SlDay
sl_budget_line_get_last_day (SlBudgetLine *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE (self), 0);
  return self->last_day;
}

void
sl_budget_line_get_amount (SlBudgetLine *self,
                           SlMoney      *out)
{
  g_return_if_fail (SL_IS_BUDGET_LINE (self));
  sl_money_init (out, self->amount_minor, self->currency);
}

gint64
sl_budget_line_get_goal_id (SlBudgetLine *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE (self), 0);
  return self->goal_id;
}

const char *
sl_budget_line_get_note (SlBudgetLine *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE (self), NULL);
  return self->note;
}

gint64
sl_budget_line_get_request_id (SlBudgetLine *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE (self), 0);
  return self->request_id;
}
