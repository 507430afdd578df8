/* sl-sync-issue.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-sync-issue.h"

struct _SlSyncIssue
{
  GObject          parent_instance;

  SlSyncIssueKind  kind;
  char            *doc_id;
  char            *title;
  char            *detail;
};

G_DEFINE_FINAL_TYPE (SlSyncIssue, sl_sync_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOC_ID,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_REFUSED,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_sync_issue_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlSyncIssue *self = SL_SYNC_ISSUE (object);

  switch (prop_id)
    {
    case PROP_DOC_ID:
      g_value_set_string (value, self->doc_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_REFUSED:
      g_value_set_boolean (value, self->kind == SL_SYNC_ISSUE_REFUSED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_sync_issue_finalize (GObject *object)
{
  SlSyncIssue *self = (SlSyncIssue *)object;

  g_free (self->doc_id);
  g_free (self->title);
  g_free (self->detail);

  G_OBJECT_CLASS (sl_sync_issue_parent_class)->finalize (object);
}

static void
sl_sync_issue_class_init (SlSyncIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sl_sync_issue_get_property;
  object_class->finalize = sl_sync_issue_finalize;

  properties[PROP_DOC_ID] =
    g_param_spec_string ("doc-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* For views: whether this is a refusal (no choice to make). */
  properties[PROP_REFUSED] =
    g_param_spec_boolean ("refused", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_sync_issue_init (SlSyncIssue *self)
{
}

SlSyncIssue *
sl_sync_issue_new (SlSyncIssueKind  kind,
                   const char      *doc_id,
                   const char      *title,
                   const char      *detail)
{
  SlSyncIssue *self;

  g_return_val_if_fail (doc_id != NULL, NULL);

  self = g_object_new (SL_TYPE_SYNC_ISSUE, NULL);
  self->kind = kind;
  self->doc_id = g_strdup (doc_id);
  self->title = g_strdup (title != NULL ? title : doc_id);
  self->detail = g_strdup (detail != NULL ? detail : "");
  return self;
}

SlSyncIssueKind
sl_sync_issue_get_kind (SlSyncIssue *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ISSUE (self), SL_SYNC_ISSUE_REFUSED);
  return self->kind;
}

const char *
sl_sync_issue_get_doc_id (SlSyncIssue *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ISSUE (self), NULL);
  return self->doc_id;
}

const char *
sl_sync_issue_get_title (SlSyncIssue *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ISSUE (self), NULL);
  return self->title;
}

const char *
sl_sync_issue_get_detail (SlSyncIssue *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ISSUE (self), NULL);
  return self->detail;
}
