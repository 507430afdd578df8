/* sl-export-pdf-notes.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The conversation with finance in the review pack: the wins and losses
 * of the period with the figures they cited then beside today's, the
 * reallocation plans that move its money with their lines and status,
 * and the decisions taken in it (who, when, what about, the note). */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-audit.h"
#include "sl-collab.h"
#include "sl-export-pdf-private.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-realloc.h"
#include "sl-workspace-requests.h"

#define NOTE_SIZE 9.0

typedef struct
{
  SlAnnotation *annotation;
  GArray       *rows;   /* SlSnapshotRow */
} Note;

struct _SlPdfNotes
{
  GPtrArray *notes;      /* Note */
  GPtrArray *plans;      /* SlReallocPlan */
  GPtrArray *audit;      /* SlAuditRow, newest first: decisions and changes */
};

static void
note_free (Note *note)
{
  g_object_unref (note->annotation);
  g_array_unref (note->rows);
  g_free (note);
}

void
sl_pdf_notes_free (SlPdfNotes *notes)
{
  if (notes == NULL)
    return;
  g_clear_pointer (&notes->notes, g_ptr_array_unref);
  g_clear_pointer (&notes->plans, g_ptr_array_unref);
  g_clear_pointer (&notes->audit, g_ptr_array_unref);
  g_free (notes);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlPdfNotes, sl_pdf_notes_free)

static gboolean
is_win_or_loss_of (SlAnnotation   *annotation,
                   const SlPeriod *period)
{
  const char *kind = sl_annotation_get_kind (annotation);

  return (g_str_equal (kind, SL_ANNOTATION_WIN) || g_str_equal (kind, SL_ANNOTATION_LOSS)) &&
         sl_annotation_get_first_day (annotation) <= period->last &&
         sl_annotation_get_last_day (annotation) >= period->first;
}

static gboolean
gather_annotations (SlExportJob  *job,
                    SlPdfNotes   *notes,
                    GError      **error)
{
  GListModel *store = G_LIST_MODEL (sl_workspace_get_annotations (job->workspace));
  guint n = g_list_model_get_n_items (store);

  notes->notes = g_ptr_array_new_with_free_func ((GDestroyNotify)note_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlAnnotation) annotation = g_list_model_get_item (store, i);
      Note *note;

      if (!sl_export_job_advance (job, (double)i / n, error))
        return FALSE;
      if (!is_win_or_loss_of (annotation, &job->options.period))
        continue;
      note = g_new0 (Note, 1);
      note->annotation = g_steal_pointer (&annotation);
      g_ptr_array_add (notes->notes, note);
      note->rows = sl_annotation_snapshot_compare (job->metrics, note->annotation,
                                                   sl_workspace_get_calendar (job->workspace), error);
      if (note->rows == NULL)
        return FALSE;
    }
  return TRUE;
}

SlPdfNotes *
sl_pdf_notes_gather (SlExportJob  *job,
                     GError      **error)
{
  g_autoptr(SlPdfNotes) notes = g_new0 (SlPdfNotes, 1);
  SlAuditFilter filter = { NULL, 0, job->options.period.first, job->options.period.last };

  if (!sl_export_job_begin_step (job, 0.45, _("Reading the wins and losses…"), error) ||
      !gather_annotations (job, notes, error) ||
      !sl_export_job_begin_step (job, 0.5, _("Reading the plans and decisions…"), error))
    return NULL;
  notes->plans = sl_export_job_list_plans (job);
  notes->audit = sl_audit_list (sl_workspace_get_database (job->workspace), &filter, error);
  if (notes->audit == NULL)
    return NULL;
  return g_steal_pointer (&notes);
}

/* Texts */

static char *
format_days (SlExportJob *job,
             SlDay        first,
             SlDay        last)
{
  SlPeriod period;

  if (first == last)
    sl_period_init (&period, SL_PERIOD_DAY, sl_workspace_get_calendar (job->workspace),
                    sl_workspace_get_fiscal_start_month (job->workspace), first);
  else if (!sl_period_init_custom (&period, sl_workspace_get_calendar (job->workspace), first, last, NULL))
    return g_strdup ("");
  return sl_period_format (&period, NULL);
}

static const char *
describe_scope (SlExportJob  *job,
                SlAnnotation *annotation)
{
  SlCampaign *campaign = NULL;

  if (sl_annotation_get_campaign_id (annotation) != 0)
    campaign = sl_campaign_store_lookup (sl_workspace_get_campaigns (job->workspace),
                                         sl_annotation_get_campaign_id (annotation));
  if (campaign != NULL)
    return sl_campaign_get_name (campaign);
  if (sl_annotation_get_channel_id (annotation) != 0)
    return sl_export_job_channel_name (job, sl_annotation_get_channel_id (annotation));
  /* Translators: what an annotation is about when it is not one channel */
  return _("Every channel");
}

static const char *
verdict_label (const char *verdict)
{
  if (g_strcmp0 (verdict, SL_VERDICT_APPROVE) == 0)
    return C_("decision", "Approved");
  if (g_strcmp0 (verdict, SL_VERDICT_REJECT) == 0)
    return C_("decision", "Rejected");
  if (g_strcmp0 (verdict, SL_VERDICT_DEFER) == 0)
    return C_("decision", "Deferred");
  if (g_strcmp0 (verdict, SL_VERDICT_NOTE) == 0)
    return C_("decision", "Noted");
  return verdict;
}

/* The title of the item with @uuid in @store, or NULL. */
static const char *
find_title (GListModel  *store,
            const char  *uuid,
            const char *(*get_title) (gpointer))
{
  guint n = g_list_model_get_n_items (store);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlRecord) record = g_list_model_get_item (store, i);

      if (g_strcmp0 (sl_record_get_uuid (record), uuid) == 0)
        return get_title (record);
    }
  return NULL;
}

/* What a decision was about: the title of its plan, annotation, request
 * or goal. */
static const char *
describe_target (SlExportJob *job,
                 const char  *target)
{
  g_autofree char *type = NULL;
  g_autofree char *uuid = NULL;
  SlWorkspace *ws = job->workspace;
  const char *title = NULL;

  if (!sl_collab_parse_doc_id (target, &type, &uuid))
    return target;
  if (g_str_equal (type, "plan"))
    title = find_title (G_LIST_MODEL (sl_workspace_get_realloc_plans (ws)), uuid,
                        (const char *(*) (gpointer))sl_realloc_plan_get_title);
  else if (g_str_equal (type, "annotation"))
    title = find_title (G_LIST_MODEL (sl_workspace_get_annotations (ws)), uuid,
                        (const char *(*) (gpointer))sl_annotation_get_title);
  else if (g_str_equal (type, "request"))
    title = find_title (G_LIST_MODEL (sl_workspace_get_budget_requests (ws)), uuid,
                        (const char *(*) (gpointer))sl_budget_request_get_title);
  else if (g_str_equal (type, "goal"))
    title = find_title (G_LIST_MODEL (sl_workspace_get_goals (ws)), uuid,
                        (const char *(*) (gpointer))sl_goal_get_objective);
  return title != NULL ? title : target;
}

/* Wins and losses */

static SlPdfTable *
snapshot_table (Note *note)
{
  const SlPdfColumn columns[] = {
    { _("Metric"), 2.0, SL_PDF_START, FALSE },
    /* Translators: a column of an annotation's figures: as they were when it was written */
    { C_("snapshot", "When written"), 1.0, SL_PDF_END, FALSE },
    /* Translators: a column of an annotation's figures: computed again from today's data */
    { C_("snapshot", "Now"), 1.0, SL_PDF_END, FALSE },
  };
  g_autoptr(SlPdfTable) table = sl_pdf_table_new (columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < note->rows->len; i++)
    {
      SlSnapshotRow *row = &g_array_index (note->rows, SlSnapshotRow, i);
      g_autofree char *then = sl_metric_value_format (&row->then, NULL);
      g_autofree char *now = sl_metric_value_format (&row->now, NULL);
      const char *cells[] = { sl_metric_get_label (row->metric), then, now };

      sl_pdf_table_add_row (table, cells, 0, FALSE);
    }
  sl_pdf_table_set_width (table, SL_PDF_WIDTH * 0.6);
  return g_steal_pointer (&table);
}

static void
draw_note (SlPdf *pdf,
           Note  *note)
{
  SlAnnotation *annotation = note->annotation;
  gboolean win = g_str_equal (sl_annotation_get_kind (annotation), SL_ANNOTATION_WIN);
  g_autofree char *days = format_days (pdf->job, sl_annotation_get_first_day (annotation),
                                       sl_annotation_get_last_day (annotation));
  g_autoptr(SlPdfTable) snapshot = snapshot_table (note);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *about = NULL;
  g_autofree char *next = NULL;

  /* Translators: a heading of the review pack: “Win: Webinar series” */
  text = g_strdup_printf (win ? _("Win: %s") : _("Loss: %s"), sl_annotation_get_title (annotation));
  title = sl_pdf_in_page_direction (pdf, text);
  g_free (text);
  /* Translators: under a win or loss: its channel or campaign, its days and its author */
  text = g_strdup_printf (_("%s · %s · by %s"), describe_scope (pdf->job, annotation), days,
                          sl_annotation_get_author (annotation));
  about = sl_pdf_in_page_direction (pdf, text);
  pdf->y += 6;
  /* The figures it cites stay with it when they fit on a page. */
  sl_pdf_ensure (pdf, 60 + sl_pdf_table_measure (snapshot, pdf));
  sl_pdf_paragraph (pdf, title, 10.5, TRUE, win ? SL_PDF_GREEN : SL_PDF_RED, 0);
  sl_pdf_paragraph (pdf, about, 8, FALSE, SL_PDF_DIM, 0);
  sl_pdf_paragraph (pdf, sl_annotation_get_body (annotation), NOTE_SIZE, FALSE, SL_PDF_TEXT, 0);
  if (sl_annotation_get_next_steps (annotation) != NULL && sl_annotation_get_next_steps (annotation)[0] != '\0')
    {
      /* Translators: %s is what will be done after a loss */
      next = g_strdup_printf (_("Next steps: %s"), sl_annotation_get_next_steps (annotation));
      sl_pdf_paragraph (pdf, next, NOTE_SIZE, FALSE, SL_PDF_TEXT, 0);
    }
  pdf->y += 2;
  sl_pdf_table_draw (snapshot, pdf);
}

static void
draw_wins_and_losses (SlPdf      *pdf,
                      SlPdfNotes *notes)
{
  sl_pdf_heading (pdf, _("Wins and losses"), 40);
  if (notes->notes->len == 0)
    sl_pdf_paragraph (pdf, _("No win or loss was written about this period."), NOTE_SIZE, FALSE, SL_PDF_DIM, 0);
  for (guint i = 0; i < notes->notes->len && sl_pdf_ok (pdf); i++)
    draw_note (pdf, g_ptr_array_index (notes->notes, i));
}

/* Plans */

static void
draw_plan_lines (SlPdf         *pdf,
                 SlReallocPlan *plan)
{
  static const guint shown[] = { 2, 3, 4, 5, 6 };
  g_autoptr(SlExportTable) lines = sl_export_table_new ("", sl_realloc_plan_get_currency (plan));
  g_autoptr(SlPdfTable) table = NULL;
  g_autoptr(GPtrArray) plan_lines = sl_export_job_list_plan_lines (pdf->job, sl_record_get_id (SL_RECORD (plan)));

  if (plan_lines->len == 0)
    return;
  sl_export_table_describe_plan_lines (pdf->job, lines, plan, plan_lines);
  table = sl_pdf_table_new_from_export (lines, shown, G_N_ELEMENTS (shown), FALSE);
  sl_pdf_table_set_width (table, SL_PDF_WIDTH * 0.8);
  sl_pdf_table_draw (table, pdf);
}

static void
draw_plan (SlPdf         *pdf,
           SlReallocPlan *plan)
{
  SlMoney draw;
  g_autofree char *draw_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *about = NULL;

  sl_money_init (&draw, sl_realloc_plan_get_reserve_draw_minor (plan), sl_realloc_plan_get_currency (plan));
  draw_text = sl_money_format (&draw, NULL);
  /* Translators: a heading of the review pack: a plan's title and its status, “Events to Search — Approved” */
  text = g_strdup_printf (_("%s — %s"), sl_realloc_plan_get_title (plan), sl_realloc_plan_get_status_label (plan));
  title = sl_pdf_in_page_direction (pdf, text);
  g_free (text);
  /* Translators: under a reallocation plan: what it takes from the reserve, and its author */
  text = g_strdup_printf (_("Reserve draw %s · by %s"), draw_text, sl_realloc_plan_get_author (plan));
  about = sl_pdf_in_page_direction (pdf, text);
  pdf->y += 6;
  sl_pdf_ensure (pdf, 80);
  sl_pdf_paragraph (pdf, title, 10.5, TRUE, SL_PDF_TEXT, 0);
  sl_pdf_paragraph (pdf, about, 8, FALSE, SL_PDF_DIM, 0);
  sl_pdf_paragraph (pdf, sl_realloc_plan_get_rationale (plan), NOTE_SIZE, FALSE, SL_PDF_TEXT, 0);
  pdf->y += 2;
  draw_plan_lines (pdf, plan);
}

static void
draw_plans (SlPdf      *pdf,
            SlPdfNotes *notes)
{
  sl_pdf_heading (pdf, _("Reallocation plans"), 40);
  if (notes->plans->len == 0)
    sl_pdf_paragraph (pdf, _("No reallocation plan moves money in this period."), NOTE_SIZE, FALSE, SL_PDF_DIM, 0);
  for (guint i = 0; i < notes->plans->len && sl_pdf_ok (pdf); i++)
    draw_plan (pdf, g_ptr_array_index (notes->plans, i));
}

/* Decisions */

static void
draw_decisions (SlPdf      *pdf,
                SlPdfNotes *notes)
{
  const SlPdfColumn columns[] = {
    /* Translators: a column of the decisions: the day of the meeting */
    { C_("decision", "Day"), 1.2, SL_PDF_START, TRUE },
    /* Translators: a column of the decisions: who decided */
    { C_("decision", "Who"), 1.2, SL_PDF_START, TRUE },
    /* Translators: a column of the decisions: approved, rejected… */
    { C_("decision", "Decision"), 1.0, SL_PDF_START, FALSE },
    /* Translators: a column of the decisions: the plan or request decided on */
    { C_("decision", "About"), 2.2, SL_PDF_START, TRUE },
    { C_("decision", "Note"), 4.0, SL_PDF_START, TRUE },
  };
  g_autoptr(SlPdfTable) table = sl_pdf_table_new (columns, G_N_ELEMENTS (columns));

  /* Oldest first, as the meetings went. */
  for (guint i = notes->audit->len; i > 0; i--)
    {
      SlAuditRow *row = g_ptr_array_index (notes->audit, i - 1);
      g_autofree char *day = NULL;
      const char *cells[5];

      if (row->kind != SL_AUDIT_DECISION)
        continue;
      day = format_days (pdf->job, row->day, row->day);
      cells[0] = day;
      cells[1] = row->author;
      cells[2] = verdict_label (row->label);
      cells[3] = describe_target (pdf->job, row->target);
      cells[4] = row->note != NULL ? row->note : "";
      sl_pdf_table_add_row (table, cells, 0, FALSE);
    }

  sl_pdf_heading (pdf, _("Decisions"), 40);
  if (sl_pdf_table_get_n_rows (table) == 0)
    sl_pdf_paragraph (pdf, _("No decision was recorded in this period."), NOTE_SIZE, FALSE, SL_PDF_DIM, 0);
  else
    sl_pdf_table_draw (table, pdf);
}

void
sl_pdf_draw_notes (SlPdf      *pdf,
                   SlPdfNotes *notes)
{
  draw_wins_and_losses (pdf, notes);
  if (sl_pdf_ok (pdf))
    draw_plans (pdf, notes);
  if (sl_pdf_ok (pdf))
    draw_decisions (pdf, notes);
}
