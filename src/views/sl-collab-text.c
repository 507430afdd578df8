/* sl-collab-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-collab.h"
#include "sl-collab-text.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-realloc.h"
#include "sl-workspace-requests.h"

static GListModel *
get_records (SlWorkspace *workspace,
             const char  *type)
{
  if (g_str_equal (type, "plan"))
    return G_LIST_MODEL (sl_workspace_get_realloc_plans (workspace));
  if (g_str_equal (type, "annotation"))
    return G_LIST_MODEL (sl_workspace_get_annotations (workspace));
  if (g_str_equal (type, "request"))
    return G_LIST_MODEL (sl_workspace_get_budget_requests (workspace));
  if (g_str_equal (type, "goal"))
    return G_LIST_MODEL (sl_workspace_get_goals (workspace));
  return NULL;
}

SlRecord *
sl_collab_text_lookup_target (SlWorkspace *workspace,
                      const char  *doc_id)
{
  g_autofree char *type = NULL;
  g_autofree char *uuid = NULL;
  GListModel *records;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  if (doc_id == NULL || !sl_collab_parse_doc_id (doc_id, &type, &uuid))
    return NULL;
  records = get_records (workspace, type);
  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(SlRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (sl_record_get_uuid (record), uuid) == 0)
        return record;  /* the store keeps it */
    }
  return NULL;
}

const char *
sl_collab_text_get_target_title (SlWorkspace *workspace,
                         const char  *doc_id)
{
  SlRecord *record = sl_collab_text_lookup_target (workspace, doc_id);

  if (SL_IS_REALLOC_PLAN (record))
    return sl_realloc_plan_get_title (SL_REALLOC_PLAN (record));
  if (SL_IS_ANNOTATION (record))
    return sl_annotation_get_title (SL_ANNOTATION (record));
  if (SL_IS_REQUEST (record))
    return sl_budget_request_get_title (SL_REQUEST (record));
  if (SL_IS_GOAL (record))
    return sl_goal_get_objective (SL_GOAL (record));
  return NULL;
}

char *
sl_collab_text_dup_channel_name (SlWorkspace *workspace,
                                 gint64       channel_id)
{
  SlChannel *channel;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  if (channel_id == 0)
    return g_strdup (_("Reserve"));
  channel = sl_channel_store_lookup (sl_workspace_get_channels (workspace), channel_id);
  return g_strdup (channel != NULL ? sl_channel_get_name (channel) : _("A deleted channel"));
}
