/* sl-review-agenda.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlReview: what the meeting goes through, and the headings of each
 * item. */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-collab.h"
#include "sl-collab-common.h"
#include "sl-review-private.h"
#include "sl-view-text.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-realloc.h"
#include "sl-workspace-requests.h"

void
sl_review_item_free (SlReviewItem *item)
{
  if (item == NULL)
    return;
  g_free (item->doc_id);
  g_free (item);
}

static SlReviewItem *
item_new (SlReviewKind  kind,
          const char   *type,
          SlRecord     *record)
{
  SlReviewItem *item = g_new0 (SlReviewItem, 1);

  item->kind = kind;
  if (record != NULL)
    {
      item->id = sl_record_get_id (record);
      item->doc_id = sl_collab_doc_id (type, sl_record_get_uuid (record));
    }
  return item;
}

static void
add_annotations (GPtrArray      *items,
                 SlWorkspace    *workspace,
                 const SlPeriod *period)
{
  GListModel *annotations = G_LIST_MODEL (sl_workspace_get_annotations (workspace));

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(SlAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *kind = sl_annotation_get_kind (annotation);

      if ((g_str_equal (kind, SL_ANNOTATION_WIN) || g_str_equal (kind, SL_ANNOTATION_LOSS)) &&
          sl_annotation_get_first_day (annotation) <= period->last &&
          sl_annotation_get_last_day (annotation) >= period->first)
        g_ptr_array_add (items, item_new (SL_REVIEW_ANNOTATION, "annotation", SL_RECORD (annotation)));
    }
}

static void
add_plans (GPtrArray   *items,
           SlWorkspace *workspace)
{
  GListModel *plans = G_LIST_MODEL (sl_workspace_get_realloc_plans (workspace));

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SlReallocPlan) plan = g_list_model_get_item (plans, i);

      if (g_strcmp0 (sl_realloc_plan_get_status (plan), SL_REALLOC_PROPOSED) == 0)
        g_ptr_array_add (items, item_new (SL_REVIEW_PLAN, "plan", SL_RECORD (plan)));
    }
}

/* The requests submitted; without one, the latest request, to look at. */
static void
add_requests (GPtrArray   *items,
              SlWorkspace *workspace)
{
  GListModel *requests = G_LIST_MODEL (sl_workspace_get_budget_requests (workspace));
  guint n = g_list_model_get_n_items (requests);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlBudgetRequest) request = g_list_model_get_item (requests, i);

      if (g_strcmp0 (sl_budget_request_get_status (request), "submitted") == 0)
        {
          g_ptr_array_add (items, item_new (SL_REVIEW_REQUEST, "request", SL_RECORD (request)));
          any = TRUE;
        }
    }
  if (!any && n > 0)
    {
      /* The store is by the period asked for: the last is the latest. */
      g_autoptr(SlBudgetRequest) request = g_list_model_get_item (requests, n - 1);

      g_ptr_array_add (items, item_new (SL_REVIEW_REQUEST, "request", SL_RECORD (request)));
    }
}

GPtrArray *
sl_review_agenda_build (SlWorkspace    *workspace,
                        const SlPeriod *period)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_review_item_free);

  g_ptr_array_add (items, item_new (SL_REVIEW_KPIS, NULL, NULL));
  add_annotations (items, workspace, period);
  add_plans (items, workspace);
  add_requests (items, workspace);
  return items;
}

/* “Events · Mar 1 – 31, 2025” */
static char *
describe_annotation (SlWorkspace  *workspace,
                     SlAnnotation *annotation)
{
  g_autofree char *where = sl_collab_format_scope (workspace, sl_annotation_get_channel_id (annotation),
                                                   sl_annotation_get_campaign_id (annotation));
  g_autofree char *days = sl_collab_format_range (workspace, sl_annotation_get_first_day (annotation),
                                                  sl_annotation_get_last_day (annotation));

  /* Translators: where an annotation is about and its days, e.g. “Events · Mar 1 – 31, 2025” */
  return g_strdup_printf (_("%s · %s"), where, days);
}

static void
describe_record (const SlReviewItem *item,
                 SlWorkspace        *workspace,
                 char              **kind,
                 char              **title,
                 char              **subtitle)
{
  SlAnnotation *annotation;
  SlReallocPlan *plan;
  SlBudgetRequest *request;
  g_autofree char *period = NULL;

  switch (item->kind)
    {
    case SL_REVIEW_ANNOTATION:
      annotation = sl_annotation_store_lookup (sl_workspace_get_annotations (workspace), item->id);
      if (annotation == NULL)
        break;
      *kind = g_strdup (sl_annotation_kind_get_label (sl_annotation_get_kind (annotation)));
      *title = g_strdup (sl_annotation_get_title (annotation));
      *subtitle = describe_annotation (workspace, annotation);
      return;
    case SL_REVIEW_PLAN:
      plan = sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (workspace), item->id);
      if (plan == NULL)
        break;
      *kind = g_strdup (_("Reallocation plan"));
      *title = g_strdup (sl_realloc_plan_get_title (plan));
      /* Translators: a plan's status and its author, e.g. “Proposed by Dana” */
      *subtitle = g_strdup_printf (_("%s by %s"), sl_realloc_plan_get_status_label (plan),
                                   sl_realloc_plan_get_author (plan));
      return;
    case SL_REVIEW_REQUEST:
      request = sl_budget_request_store_lookup (sl_workspace_get_budget_requests (workspace), item->id);
      if (request == NULL)
        break;
      *kind = g_strdup (_("Budget request"));
      *title = g_strdup (sl_budget_request_get_title (request));
      period = sl_collab_format_range (workspace, sl_budget_request_get_first_day (request),
                                       sl_budget_request_get_last_day (request));
      /* Translators: a request's status, its author and its period, e.g. “Submitted by Dana · Apr 1 – Jun 30, 2026” */
      *subtitle = g_strdup_printf (_("%s by %s · %s"),
                                   sl_budget_request_status_get_label (sl_budget_request_get_status (request)),
                                   sl_budget_request_get_author (request), period);
      return;
    case SL_REVIEW_KPIS:
    default:
      break;
    }
  *kind = g_strdup (_("Agenda item"));
  *title = g_strdup (_("No longer in the workspace"));
  *subtitle = NULL;
}

void
sl_review_item_describe (const SlReviewItem *item,
                         SlWorkspace        *workspace,
                         SlViewFilter       *filter,
                         char              **kind,
                         char              **title,
                         char              **subtitle)
{
  if (item->kind == SL_REVIEW_KPIS)
    {
      *kind = g_strdup (_("Key figures"));
      *title = sl_period_format (sl_view_filter_get_period (filter), NULL);
      *subtitle = NULL;
      return;
    }
  describe_record (item, workspace, kind, title, subtitle);
}
