/* sl-kpi.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-kpi.h"

struct _SlKpi
{
  SlRecord  parent_instance;

  char     *metric;
  int       position;
  gint64    goal_id;
};

G_DEFINE_FINAL_TYPE (SlKpi, sl_kpi, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_METRIC,
  PROP_POSITION,
  PROP_GOAL_ID,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_kpi_finalize (GObject *object)
{
  SlKpi *self = (SlKpi *)object;

  g_free (self->metric);

  G_OBJECT_CLASS (sl_kpi_parent_class)->finalize (object);
}

static void
sl_kpi_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  SlKpi *self = SL_KPI (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      g_value_set_string (value, self->metric);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_GOAL_ID:
      g_value_set_int64 (value, self->goal_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_kpi_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  SlKpi *self = SL_KPI (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      g_free (self->metric);
      self->metric = g_value_dup_string (value);
      break;
    case PROP_POSITION:
      self->position = g_value_get_int (value);
      break;
    case PROP_GOAL_ID:
      self->goal_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_kpi_class_init (SlKpiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_kpi_finalize;
  object_class->get_property = sl_kpi_get_property;
  object_class->set_property = sl_kpi_set_property;

  properties[PROP_METRIC] = g_param_spec_string ("metric", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_GOAL_ID] = g_param_spec_int64 ("goal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_kpi_init (SlKpi *self)
{
}

SlKpi *
sl_kpi_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *metric = sl_record_column_text (stmt, 1);

  return g_object_new (SL_TYPE_KPI,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "metric", metric != NULL ? metric : "",
                       "position", sqlite3_column_int (stmt, 2),
                       "goal-id", sl_record_column_id (stmt, 3),
                       NULL);
}

const char *
sl_kpi_get_metric_key (SlKpi *self)
{
  g_return_val_if_fail (SL_IS_KPI (self), NULL);
  return self->metric;
}

gboolean
sl_kpi_get_metric (SlKpi    *self,
                   SlMetric *out)
{
  g_return_val_if_fail (SL_IS_KPI (self), FALSE);
  return sl_metric_from_string (self->metric, out);
}

int
sl_kpi_get_position (SlKpi *self)
{
  g_return_val_if_fail (SL_IS_KPI (self), 0);
  return self->position;
}

gint64
sl_kpi_get_goal_id (SlKpi *self)
{
  g_return_val_if_fail (SL_IS_KPI (self), 0);
  return self->goal_id;
}

const char *
sl_kpi_get_label (SlKpi *self)
{
  SlMetric metric;

  g_return_val_if_fail (SL_IS_KPI (self), NULL);

  if (sl_metric_from_string (self->metric, &metric))
    return sl_metric_get_label (metric);
  return self->metric;
}

const char *
sl_kpi_get_description (SlKpi *self)
{
  SlMetric metric;

  g_return_val_if_fail (SL_IS_KPI (self), NULL);

  if (sl_metric_from_string (self->metric, &metric))
    return sl_metric_get_description (metric);
  return _("This version of Sunlight does not know this metric; a newer one may.");
}
