/* sl-annotation-snapshot.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sl-annotation-snapshot.h"
#include "sl-collab.h"
#include "sl-json-guard.h"

static const SlMetric snapshot_metrics[] = {
  SL_METRIC_SPEND, SL_METRIC_LEADS, SL_METRIC_MQLS, SL_METRIC_SQLS, SL_METRIC_NEW_CUSTOMERS,
  SL_METRIC_REVENUE, SL_METRIC_GROSS_PROFIT, SL_METRIC_CPL, SL_METRIC_CAC,
  SL_METRIC_LEAD_TO_CLIENT, SL_METRIC_ROI,
};

/* The imports whose rows the funnel figures of a scope and range sum. */
static const char batches_sql[] =
  "SELECT s.batch_id FROM spend s JOIN campaign c ON c.id = s.campaign_id "
  "WHERE s.day BETWEEN ?1 AND ?2 AND (?3 = 0 OR c.channel_id = ?3) AND (?4 = 0 OR s.campaign_id = ?4) "
  "UNION SELECT batch_id FROM deal "
  "WHERE (lead_day BETWEEN ?1 AND ?2 OR mql_day BETWEEN ?1 AND ?2 OR sql_day BETWEEN ?1 AND ?2 "
  "       OR opportunity_day BETWEEN ?1 AND ?2 OR won_day BETWEEN ?1 AND ?2 OR lost_day BETWEEN ?1 AND ?2) "
  "  AND (?3 = 0 OR channel_id = ?3) AND (?4 = 0 OR campaign_id = ?4) "
  "ORDER BY 1";

static const char * const scope_names[] = { "workspace", "channel", "campaign" };

const SlMetric *
sl_annotation_snapshot_get_metrics (guint *n_metrics)
{
  *n_metrics = G_N_ELEMENTS (snapshot_metrics);
  return snapshot_metrics;
}

static SlMetricsParts
snapshot_parts (void)
{
  SlMetricsParts parts = 0;

  for (guint i = 0; i < G_N_ELEMENTS (snapshot_metrics); i++)
    parts |= sl_metric_get_parts (snapshot_metrics[i]);
  return parts;
}

static gboolean
add_batches (JsonBuilder     *builder,
             SlDatabase      *db,
             const SlPeriod  *period,
             const SlScope   *scope,
             GError         **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, batches_sql, error);
  gboolean has_row, ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, period->first);
  sqlite3_bind_int (stmt, 2, period->last);
  sqlite3_bind_int64 (stmt, 3, scope->kind == SL_SCOPE_CHANNEL ? scope->id : 0);
  sqlite3_bind_int64 (stmt, 4, scope->kind == SL_SCOPE_CAMPAIGN ? scope->id : 0);

  json_builder_set_member_name (builder, "batches");
  json_builder_begin_array (builder);
  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  json_builder_end_array (builder);
  return ok;
}

static void
add_values (JsonBuilder           *builder,
            const SlMetricsTotals *totals)
{
  SlMetricValue value;

  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (snapshot_metrics); i++)
    {
      sl_metrics_totals_get (totals, snapshot_metrics[i], &value);
      json_builder_set_member_name (builder, sl_metric_to_string (snapshot_metrics[i]));
      if (!sl_metric_value_is_defined (&value))
        {
          json_builder_add_null_value (builder);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "num");
      json_builder_add_int_value (builder, value.num);
      json_builder_set_member_name (builder, "den");
      json_builder_add_int_value (builder, value.den);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (snapshot_metrics); i++)
    {
      sl_metrics_totals_get (totals, snapshot_metrics[i], &value);
      if (sl_metric_value_is_defined (&value))
        continue;
      json_builder_set_member_name (builder, sl_metric_to_string (snapshot_metrics[i]));
      json_builder_add_int_value (builder, value.reason);
    }
  json_builder_end_object (builder);

  sl_metrics_totals_get (totals, SL_METRIC_ROI, &value);
  json_builder_set_member_name (builder, "basis");
  json_builder_begin_object (builder);
  if (value.basis != SL_METRIC_BASIS_NONE)
    {
      json_builder_set_member_name (builder, "roi");
      json_builder_add_string_value (builder, value.basis == SL_METRIC_BASIS_REVENUE ? "revenue"
                                                                                    : "gross-profit");
    }
  json_builder_end_object (builder);
}

static void
add_range (JsonBuilder    *builder,
           const SlPeriod *period,
           const SlScope  *scope)
{
  g_autofree char *first = sl_day_to_iso (period->first);
  g_autofree char *last = sl_day_to_iso (period->last);

  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "first");
  json_builder_add_string_value (builder, first);
  json_builder_set_member_name (builder, "last");
  json_builder_add_string_value (builder, last);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "scope");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, scope_names[scope->kind]);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, scope->id);
  json_builder_end_object (builder);
}

char *
sl_annotation_snapshot_take (SlMetrics       *metrics,
                             const SlPeriod  *period,
                             const SlScope   *scope,
                             GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  SlMetricsTotals totals;

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);

  if (!sl_metrics_get_totals (metrics, period, scope, snapshot_parts (), &totals, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "formula_version");
  json_builder_add_int_value (builder, SL_METRICS_FORMULA_VERSION);
  json_builder_set_member_name (builder, "taken_at");
  json_builder_add_int_value (builder, g_get_real_time ());
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, totals.currency);
  add_range (builder, period, scope);
  add_values (builder, &totals);
  if (!add_batches (builder, sl_metrics_get_database (metrics), period, scope, error))
    return NULL;
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static JsonObject *
parse_snapshot (const char  *json,
                JsonNode   **root,
                GError     **error)
{
  g_autoptr(GError) parse_error = NULL;

  *root = json != NULL ? json_from_string (json, &parse_error) : NULL;
  if (*root == NULL || !JSON_NODE_HOLDS_OBJECT (*root))
    {
      g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID,
                           _("This annotation holds no figures"));
      return NULL;
    }
  return json_node_get_object (*root);
}

/* The snapshot may come from a peer, another version or a hand: every
 * member is read for its type, and a money figure needs a currency. */
static gboolean
value_from_object (JsonObject     *object,
                   SlMetric        metric,
                   SlMetricValue  *out,
                   GError        **error)
{
  const char *key = sl_metric_to_string (metric);
  const char *currency = sl_json_get_string (object, "currency", "");
  SlMetricUnit unit = sl_metric_get_unit (metric);
  const char *money = unit == SL_METRIC_UNIT_MONEY ? currency : NULL;
  JsonObject *values = sl_json_get_object (object, "values");
  JsonNode *node = values != NULL ? json_object_get_member (values, key) : NULL;
  JsonObject *reasons = sl_json_get_object (object, "reasons");
  JsonObject *basis = sl_json_get_object (object, "basis");

  if (node == NULL || (!JSON_NODE_HOLDS_NULL (node) && !JSON_NODE_HOLDS_OBJECT (node)))
    {
      g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID,
                   /* Translators: %s is a metric, e.g. “Cost per lead (CPL)” */
                   _("This annotation’s figures do not include %s"), sl_metric_get_label (metric));
      return FALSE;
    }
  if (money != NULL && !sl_currency_is_valid (money))
    {
      g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID,
                   /* Translators: %s is a metric, e.g. “Cost per lead (CPL)” */
                   _("This annotation’s figures give %s in no known currency"), sl_metric_get_label (metric));
      return FALSE;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    {
      gint64 reason = sl_json_get_int (reasons, key, SL_METRIC_REASON_NOT_COMPUTED);

      /* Undefined needs a reason, and a newer Sunlight may know reasons this one does not. */
      if (reason <= SL_METRIC_REASON_NONE || reason >= SL_METRIC_N_REASONS)
        reason = SL_METRIC_REASON_NOT_COMPUTED;

      sl_metric_value_init_undefined (out, unit, money, reason);
      return TRUE;
    }
  sl_metric_value_init_fraction (out, unit,
                                 sl_json_get_int (json_node_get_object (node), "num", 0),
                                 sl_json_get_int (json_node_get_object (node), "den", 0),
                                 money, SL_METRIC_REASON_NOT_COMPUTED);
  if (metric == SL_METRIC_ROI && basis != NULL && json_object_has_member (basis, "roi"))
    out->basis = g_strcmp0 (sl_json_get_string (basis, "roi", NULL), "revenue") == 0
                 ? SL_METRIC_BASIS_REVENUE : SL_METRIC_BASIS_GROSS_PROFIT;
  return TRUE;
}

gboolean
sl_annotation_snapshot_get_value (const char     *json,
                                  SlMetric        metric,
                                  SlMetricValue  *out,
                                  GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_snapshot (json, &root, error);

  return object != NULL && value_from_object (object, metric, out, error);
}

gint64
sl_annotation_snapshot_get_formula_version (const char *json)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_snapshot (json, &root, NULL);

  return sl_json_get_int (object, "formula_version", 0);
}

GArray *
sl_annotation_snapshot_get_batches (const char *json)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_snapshot (json, &root, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *batches;

  batches = sl_json_get_array (object, "batches");
  for (guint i = 0; batches != NULL && i < json_array_get_length (batches); i++)
    {
      JsonNode *node = json_array_get_element (batches, i);
      gint64 id;

      if (!sl_json_node_holds (node, G_TYPE_INT64))
        continue;
      id = json_node_get_int (node);
      g_array_append_val (ids, id);
    }
  return ids;
}

void
sl_annotation_get_scope (SlAnnotation *annotation,
                         SlScope      *out)
{
  g_return_if_fail (SL_IS_ANNOTATION (annotation));

  if (sl_annotation_get_campaign_id (annotation) != 0)
    *out = SL_SCOPE_INIT_CAMPAIGN (sl_annotation_get_campaign_id (annotation));
  else if (sl_annotation_get_channel_id (annotation) != 0)
    *out = SL_SCOPE_INIT_CHANNEL (sl_annotation_get_channel_id (annotation));
  else
    *out = SL_SCOPE_INIT_WORKSPACE;
}

GArray *
sl_annotation_snapshot_compare (SlMetrics     *metrics,
                                SlAnnotation  *annotation,
                                SlCalendar     calendar,
                                GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (SlSnapshotRow));
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  SlMetricsTotals totals;
  SlPeriod period;
  SlScope scope;

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (SL_IS_ANNOTATION (annotation), NULL);

  object = parse_snapshot (sl_annotation_get_snapshot (annotation), &root, error);
  if (object == NULL ||
      !sl_period_init_custom (&period, calendar, sl_annotation_get_first_day (annotation),
                              sl_annotation_get_last_day (annotation), error))
    return NULL;
  sl_annotation_get_scope (annotation, &scope);
  if (!sl_metrics_get_totals (metrics, &period, &scope, snapshot_parts (), &totals, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (snapshot_metrics); i++)
    {
      SlSnapshotRow row = { .metric = snapshot_metrics[i] };

      if (!value_from_object (object, row.metric, &row.then, error))
        return NULL;
      sl_metrics_totals_get (&totals, row.metric, &row.now);
      g_array_append_val (rows, row);
    }
  return g_steal_pointer (&rows);
}
