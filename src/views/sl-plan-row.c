/* sl-plan-row.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-plan-row.h"

struct _SlPlanRow
{
  GObject          parent_instance;

  SlPlanRowKind    kind;
  SlChannel       *channel;
  char            *currency;
  guint            n_months;
  gint64          *minor;    /* n_months */
  SlPlanCellState *states;   /* n_months */
  gint64           total;
  SlPlanCellState  total_state;
  gboolean         read_only;
};

G_DEFINE_FINAL_TYPE (SlPlanRow, sl_plan_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS,
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
compute_total (SlPlanRow *self)
{
  self->total = 0;
  self->total_state = SL_PLAN_CELL_AMOUNT;

  for (guint i = 0; i < self->n_months; i++)
    {
      if (self->states[i] == SL_PLAN_CELL_EMPTY)
        continue;
      if (self->states[i] == SL_PLAN_CELL_INVALID ||
          !sl_int64_add_checked (self->total, self->minor[i], &self->total))
        {
          self->total = 0;
          self->total_state = SL_PLAN_CELL_INVALID;
          return;
        }
    }
}

static void
channel_name_changed_cb (SlPlanRow  *self,
                         GParamSpec *pspec,
                         SlChannel  *channel)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

static void
sl_plan_row_finalize (GObject *object)
{
  SlPlanRow *self = (SlPlanRow *)object;

  g_clear_object (&self->channel);
  g_free (self->currency);
  g_free (self->minor);
  g_free (self->states);

  G_OBJECT_CLASS (sl_plan_row_parent_class)->finalize (object);
}

static void
sl_plan_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SlPlanRow *self = SL_PLAN_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, sl_plan_row_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_plan_row_class_init (SlPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_plan_row_finalize;
  object_class->get_property = sl_plan_row_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_plan_row_init (SlPlanRow *self)
{
}

SlPlanRow *
sl_plan_row_new (SlPlanRowKind  kind,
                 guint          n_months,
                 const char    *currency)
{
  SlPlanRow *self;

  g_return_val_if_fail (currency != NULL, NULL);

  self = g_object_new (SL_TYPE_PLAN_ROW, NULL);
  self->kind = kind;
  self->currency = g_strdup (currency);
  self->n_months = n_months;
  self->minor = g_new0 (gint64, n_months);
  self->states = g_new0 (SlPlanCellState, n_months);
  compute_total (self);
  return self;
}

SlPlanRow *
sl_plan_row_new_channel (SlChannel  *channel,
                         guint       n_months,
                         const char *currency)
{
  SlPlanRow *self;

  g_return_val_if_fail (SL_IS_CHANNEL (channel), NULL);

  self = sl_plan_row_new (SL_PLAN_ROW_CHANNEL, n_months, currency);
  self->channel = g_object_ref (channel);
  g_signal_connect_object (channel, "notify::name",
                           G_CALLBACK (channel_name_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

SlPlanRowKind
sl_plan_row_get_kind (SlPlanRow *self)
{
  g_return_val_if_fail (SL_IS_PLAN_ROW (self), SL_PLAN_ROW_TOTAL);
  return self->kind;
}

gint64
sl_plan_row_get_channel_id (SlPlanRow *self)
{
  g_return_val_if_fail (SL_IS_PLAN_ROW (self), 0);
  return self->channel != NULL ? sl_record_get_id (SL_RECORD (self->channel)) : 0;
}

const char *
sl_plan_row_get_name (SlPlanRow *self)
{
  g_return_val_if_fail (SL_IS_PLAN_ROW (self), NULL);

  switch (self->kind)
    {
    case SL_PLAN_ROW_CHANNEL:
      return sl_channel_get_name (self->channel);
    case SL_PLAN_ROW_RESERVE:
      return _("Reserve");
    case SL_PLAN_ROW_TOTAL:
    default:
      return _("Total");
    }
}

const char *
sl_plan_row_get_currency (SlPlanRow *self)
{
  g_return_val_if_fail (SL_IS_PLAN_ROW (self), NULL);
  return self->currency;
}

gboolean
sl_plan_row_get_editable (SlPlanRow *self)
{
  g_return_val_if_fail (SL_IS_PLAN_ROW (self), FALSE);
  return self->kind != SL_PLAN_ROW_TOTAL && !self->read_only;
}

void
sl_plan_row_set_read_only (SlPlanRow *self,
                           gboolean   read_only)
{
  g_return_if_fail (SL_IS_PLAN_ROW (self));
  self->read_only = read_only;
}

guint
sl_plan_row_get_n_months (SlPlanRow *self)
{
  g_return_val_if_fail (SL_IS_PLAN_ROW (self), 0);
  return self->n_months;
}

SlPlanCellState
sl_plan_row_get_amount (SlPlanRow *self,
                        guint      month,
                        SlMoney   *out)
{
  g_return_val_if_fail (SL_IS_PLAN_ROW (self), SL_PLAN_CELL_INVALID);
  g_return_val_if_fail (month < self->n_months, SL_PLAN_CELL_INVALID);

  if (out != NULL)
    sl_money_init (out, self->minor[month], self->currency);
  return self->states[month];
}

SlPlanCellState
sl_plan_row_get_total (SlPlanRow *self,
                       SlMoney   *out)
{
  g_return_val_if_fail (SL_IS_PLAN_ROW (self), SL_PLAN_CELL_INVALID);

  if (out != NULL)
    sl_money_init (out, self->total, self->currency);
  return self->total_state;
}

char *
sl_plan_row_format (SlPlanRow *self,
                    guint      month)
{
  SlPlanCellState state;
  SlMoney money;

  g_return_val_if_fail (SL_IS_PLAN_ROW (self), NULL);

  if (month == G_MAXUINT)
    state = sl_plan_row_get_total (self, &money);
  else
    state = sl_plan_row_get_amount (self, month, &money);

  switch (state)
    {
    case SL_PLAN_CELL_AMOUNT:
      return sl_money_format_amount (&money, NULL);
    case SL_PLAN_CELL_INVALID:
      return g_strdup ("—");
    case SL_PLAN_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

void
sl_plan_row_set_amounts (SlPlanRow             *self,
                         const gint64          *minor,
                         const SlPlanCellState *states)
{
  gboolean changed = FALSE;

  g_return_if_fail (SL_IS_PLAN_ROW (self));

  for (guint i = 0; i < self->n_months; i++)
    {
      gint64 value = states[i] == SL_PLAN_CELL_AMOUNT ? minor[i] : 0;

      if (self->states[i] != states[i] || self->minor[i] != value)
        {
          self->states[i] = states[i];
          self->minor[i] = value;
          changed = TRUE;
        }
    }

  if (changed)
    {
      compute_total (self);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
}
