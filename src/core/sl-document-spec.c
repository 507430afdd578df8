/* sl-document-spec.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields of each sync document type and the columns they map to
 * (docs/sync.md lists the same). These constant tables are the only
 * source of the identifiers the codec places in SQL text: nothing a
 * document says ever becomes SQL.
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-document-private.h"

static const char * const frameworks[] = { "okr", "v2mom", NULL };
static const char * const units[] = { "money", "basis-points", "count", "days", NULL };
static const char * const annotation_kinds[] = {
  "win", "loss", "experiment", "note", "unexpected-expense", NULL
};
static const char * const plan_statuses[] = {
  "draft", "proposed", "approved", "rejected", "applied", NULL
};
static const char * const request_statuses[] = {
  "draft", "submitted", "approved", "rejected", NULL
};
static const char * const verdicts[] = { "approve", "reject", "defer", "note", NULL };

/* The members every document has besides its type's fields. */
static const char * const common_members[] = {
  "_id", "type", "schema", "workspace", "author", "created_at", "updated_at", NULL
};

static const SlFieldSpec goal_fields[] = {
  { "objective", SL_FIELD_TEXT, "objective" },
  { "description", SL_FIELD_TEXT, "description" },
  { "framework", SL_FIELD_ENUM, "framework", NULL, frameworks },
  { "period", SL_FIELD_PERIOD, "first_day", "last_day" },
};

/* The unit comes before the target: the target's shape depends on it. */
static const SlFieldSpec key_result_fields[] = {
  { "metric", SL_FIELD_TEXT, "metric" },
  { "unit", SL_FIELD_ENUM, "unit", NULL, units },
  { "target", SL_FIELD_TARGET, "target" },
  { "period", SL_FIELD_PERIOD, "first_day", "last_day" },
};

static const SlRowSpec key_results = {
  "key_results", "key_result", "goal_id", FALSE, NULL, NULL, "position, id",
  key_result_fields, G_N_ELEMENTS (key_result_fields),
};

static const SlFieldSpec annotation_fields[] = {
  { "kind", SL_FIELD_ENUM, "kind", NULL, annotation_kinds },
  { "title", SL_FIELD_TEXT, "title" },
  { "body", SL_FIELD_TEXT, "body" },
  { "channel", SL_FIELD_CHANNEL, "channel_id" },
  { "campaign", SL_FIELD_CAMPAIGN, "campaign_id" },
  { "period", SL_FIELD_PERIOD, "first_day", "last_day" },
  { "goal", SL_FIELD_GOAL, "goal_id" },
  { "plan", SL_FIELD_PLAN, "plan_id" },
  { "next_steps", SL_FIELD_TEXT, "next_steps" },
  { "hypothesis", SL_FIELD_TEXT_OR_NULL, "hypothesis" },
  { "expected_outcome", SL_FIELD_TEXT_OR_NULL, "expected_outcome" },
  { "actual_outcome", SL_FIELD_TEXT_OR_NULL, "actual_outcome" },
  { "amount", SL_FIELD_MONEY_OR_NULL, "amount_minor", "currency" },
  { "snapshot", SL_FIELD_OBJECT, "snapshot" },
};

/* The plan's currency is that of its reserve draw; lines move amounts
 * of it. */
static const SlFieldSpec plan_fields[] = {
  { "title", SL_FIELD_TEXT, "title" },
  { "rationale", SL_FIELD_TEXT, "rationale" },
  { "status", SL_FIELD_ENUM, "status", NULL, plan_statuses },
  { "scenario_group", SL_FIELD_TEXT_OR_NULL, "scenario_group" },
  { "reserve_draw", SL_FIELD_MONEY, "reserve_draw_minor", "currency" },
  { "goal", SL_FIELD_GOAL, "goal_id" },
  { "applied_at", SL_FIELD_TIME_OR_NULL, "applied_at" },
};

static const SlFieldSpec plan_line_fields[] = {
  { "from_channel", SL_FIELD_CHANNEL, "from_channel_id" },
  { "from_day", SL_FIELD_DAY, "from_first_day" },
  { "to_channel", SL_FIELD_CHANNEL, "to_channel_id" },
  { "to_day", SL_FIELD_DAY, "to_first_day" },
  { "amount", SL_FIELD_PLAN_MONEY, "amount_minor" },
};

static const SlRowSpec plan_lines = {
  "lines", "realloc_line", "plan_id", FALSE, NULL, NULL, "position, id",
  plan_line_fields, G_N_ELEMENTS (plan_line_fields),
};

static const SlFieldSpec request_fields[] = {
  { "title", SL_FIELD_TEXT, "title" },
  { "period", SL_FIELD_PERIOD, "first_day", "last_day" },
  { "deadline", SL_FIELD_DAY_OR_NULL, "deadline_day" },
  { "status", SL_FIELD_ENUM, "status", NULL, request_statuses },
  { "rationale", SL_FIELD_TEXT, "rationale" },
};

static const SlFieldSpec request_line_fields[] = {
  { "id", SL_FIELD_UUID, "uuid" },
  { "channel", SL_FIELD_LINE_CHANNEL, "channel_id", "is_reserve" },
  { "campaign", SL_FIELD_CAMPAIGN, "campaign_id" },
  { "period", SL_FIELD_PERIOD, "first_day", "last_day" },
  { "amount", SL_FIELD_MONEY, "amount_minor", "currency" },
  { "goal", SL_FIELD_GOAL, "goal_id" },
  { "note", SL_FIELD_TEXT, "note" },
  { "reference", SL_FIELD_TEXT_OR_NULL, "reference" },
};

static const SlRowSpec request_lines = {
  "lines", "budget_line", "request_id", TRUE, "version", "request", "first_day, uuid",
  request_line_fields, G_N_ELEMENTS (request_line_fields),
};

static const SlFieldSpec comment_fields[] = {
  { "target", SL_FIELD_DOC_ID, "target" },
  { "body", SL_FIELD_TEXT, "body" },
};

static const SlFieldSpec decision_fields[] = {
  { "target", SL_FIELD_DOC_ID, "target" },
  { "verdict", SL_FIELD_ENUM, "verdict", NULL, verdicts },
  { "note", SL_FIELD_TEXT, "note" },
  { "meeting_day", SL_FIELD_DAY_OR_NULL, "meeting_day" },
};

static const SlTypeSpec types[] = {
  { SL_DOCUMENT_KIND_GOAL, "goal", "goal", TRUE, FALSE,
    goal_fields, G_N_ELEMENTS (goal_fields), &key_results },
  { SL_DOCUMENT_KIND_ANNOTATION, "annotation", "annotation", TRUE, FALSE,
    annotation_fields, G_N_ELEMENTS (annotation_fields), NULL },
  { SL_DOCUMENT_KIND_PLAN, "plan", "realloc_plan", TRUE, FALSE,
    plan_fields, G_N_ELEMENTS (plan_fields), &plan_lines },
  { SL_DOCUMENT_KIND_REQUEST, "request", "budget_request", TRUE, FALSE,
    request_fields, G_N_ELEMENTS (request_fields), &request_lines },
  { SL_DOCUMENT_KIND_COMMENT, "comment", "comment", FALSE, TRUE,
    comment_fields, G_N_ELEMENTS (comment_fields), NULL },
  { SL_DOCUMENT_KIND_DECISION, "decision", "decision", FALSE, TRUE,
    decision_fields, G_N_ELEMENTS (decision_fields), NULL },
};

const SlTypeSpec *
sl_document_spec_for_type (const char *type)
{
  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (types); i++)
    if (strcmp (types[i].type, type) == 0)
      return &types[i];
  return NULL;
}

const SlTypeSpec *
sl_document_spec_for_table (const char *table)
{
  for (guint i = 0; table != NULL && i < G_N_ELEMENTS (types); i++)
    if (strcmp (types[i].table, table) == 0)
      return &types[i];
  return NULL;
}

const SlTypeSpec *
sl_document_spec_for_kind (SlDocumentKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (types[i].kind == kind)
      return &types[i];
  return NULL;
}

int
sl_document_spec_find (const SlFieldSpec *fields,
                       guint              n_fields,
                       const char        *name)
{
  for (guint i = 0; i < n_fields; i++)
    if (strcmp (fields[i].name, name) == 0)
      return (int)i;
  return -1;
}

gboolean
sl_document_spec_knows (const SlTypeSpec *spec,
                        const char       *name)
{
  return g_strv_contains (common_members, name) ||
         strcmp (name, "_deleted") == 0 ||
         sl_document_spec_find (spec->fields, spec->n_fields, name) >= 0 ||
         (spec->rows != NULL && strcmp (spec->rows->name, name) == 0);
}

SlFieldRow *
sl_field_row_new (guint n_values)
{
  SlFieldRow *row = g_malloc0 (sizeof (SlFieldRow) + n_values * sizeof (SlFieldValue));

  row->n_values = n_values;
  return row;
}

void
sl_field_row_free (SlFieldRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < row->n_values; i++)
    {
      g_free (row->values[i].text);
      g_free (row->values[i].text2);
    }
  g_free (row);
}
