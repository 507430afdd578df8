/* sl-history-item.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sl-collab-common.h"
#include "sl-discussion.h"
#include "sl-history-item.h"
#include "sl-view-text.h"

struct _SlHistoryItem
{
  GObject      parent_instance;

  SlAuditKind  kind;
  char        *author;
  char        *icon_name;
  char        *title;
  char        *subtitle;
  char        *detail;
};

G_DEFINE_FINAL_TYPE (SlHistoryItem, sl_history_item, G_TYPE_OBJECT)

static void
sl_history_item_finalize (GObject *object)
{
  SlHistoryItem *self = (SlHistoryItem *)object;

  g_free (self->author);
  g_free (self->icon_name);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->detail);

  G_OBJECT_CLASS (sl_history_item_parent_class)->finalize (object);
}

static void
sl_history_item_class_init (SlHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_history_item_finalize;
}

static void
sl_history_item_init (SlHistoryItem *self)
{
}

SlHistoryItem *
sl_history_item_new (SlAuditKind  kind,
                     const char  *author,
                     const char  *icon_name,
                     const char  *title,
                     const char  *subtitle,
                     const char  *detail)
{
  SlHistoryItem *self = g_object_new (SL_TYPE_HISTORY_ITEM, NULL);

  self->kind = kind;
  self->author = g_strdup (author);
  self->icon_name = g_strdup (icon_name);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->detail = g_strdup (detail);
  return self;
}

SlAuditKind
sl_history_item_get_kind (SlHistoryItem *self)
{
  g_return_val_if_fail (SL_IS_HISTORY_ITEM (self), SL_AUDIT_DECISION);
  return self->kind;
}

const char *
sl_history_item_get_author (SlHistoryItem *self)
{
  g_return_val_if_fail (SL_IS_HISTORY_ITEM (self), NULL);
  return self->author;
}

const char *
sl_history_item_get_icon_name (SlHistoryItem *self)
{
  g_return_val_if_fail (SL_IS_HISTORY_ITEM (self), NULL);
  return self->icon_name;
}

const char *
sl_history_item_get_title (SlHistoryItem *self)
{
  g_return_val_if_fail (SL_IS_HISTORY_ITEM (self), NULL);
  return self->title;
}

const char *
sl_history_item_get_subtitle (SlHistoryItem *self)
{
  g_return_val_if_fail (SL_IS_HISTORY_ITEM (self), NULL);
  return self->subtitle;
}

const char *
sl_history_item_get_detail (SlHistoryItem *self)
{
  g_return_val_if_fail (SL_IS_HISTORY_ITEM (self), NULL);
  return self->detail;
}

/* A history value: "500000 USD" (an amount's edit) or a row's JSON (a
 * line added or deleted whole); "—" for none. */
static char *
format_value (const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) parts = NULL;
  JsonObject *object;
  SlMoney money;

  if (text == NULL)
    return g_strdup ("—");
  parts = g_strsplit (text, " ", 2);
  if (g_strv_length (parts) == 2 && sl_currency_is_valid (parts[1]))
    {
      sl_money_init (&money, g_ascii_strtoll (parts[0], NULL, 10), parts[1]);
      return sl_money_format (&money, NULL);
    }
  node = json_from_string (text, NULL);
  object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (object != NULL && json_object_has_member (object, "amount_minor") &&
      json_object_has_member (object, "currency"))
    {
      sl_money_init (&money, json_object_get_int_member (object, "amount_minor"),
                     json_object_get_string_member (object, "currency"));
      return sl_money_format (&money, NULL);
    }
  return g_strdup (text);
}

/* “Fiona · Nov 23, 2026 10:12” */
static char *
dup_who_when (SlWorkspace      *workspace,
              const SlAuditRow *row)
{
  g_autofree char *when = sl_view_format_time (workspace, row->at);

  /* Translators: who made a change or decision, and when */
  return g_strdup_printf (_("%s · %s"), row->author != NULL ? row->author : "", when);
}

static SlHistoryItem *
new_for_decision (SlWorkspace      *workspace,
                  SlDecisionStore  *decisions,
                  const SlAuditRow *row)
{
  SlDecision *decision = sl_decision_store_lookup (decisions, row->entity_id);
  const char *about = sl_collab_get_target_title (workspace, row->target);
  SlDay meeting = decision != NULL ? sl_decision_get_meeting_day (decision) : SL_DAY_INVALID;
  g_autofree char *who_when = dup_who_when (workspace, row);
  g_autofree char *title = NULL;
  g_autofree char *detail = sl_discussion_dup_decision_text (workspace, row->note, meeting);

  /* Translators: a decision's verdict, then what it is about, e.g. “Approved: Move Search spend to Social” */
  title = g_strdup_printf (_("%s: %s"), sl_decision_verdict_get_label (row->label),
                           about != NULL ? about : _("an item no longer in the workspace"));
  return sl_history_item_new (row->kind, row->author, sl_discussion_get_verdict_icon (row->label),
                              title, who_when, detail);
}

static SlHistoryItem *
new_for_change (SlWorkspace      *workspace,
                const SlAuditRow *row)
{
  g_autofree char *who_when = dup_who_when (workspace, row);
  g_autofree char *channel = sl_collab_dup_channel_name (workspace, row->channel_id);
  g_autofree char *month = row->day != SL_DAY_INVALID ? sl_view_format_month (workspace, row->day) : NULL;
  g_autofree char *old_value = format_value (row->old_value);
  g_autofree char *new_value = format_value (row->new_value);
  g_autofree char *detail = NULL;

  /* Translators: a budget line's channel and month, then its amount before and after, e.g.
   * “Paid Search, March 2025: $5,000.00 → $6,000.00”; use ← in right-to-left scripts */
  detail = g_strdup_printf (_("%s, %s: %s → %s"), channel, month != NULL ? month : "", old_value, new_value);
  return sl_history_item_new (row->kind, row->author, "document-edit-symbolic",
                              row->label != NULL ? row->label : _("Budget change"), who_when, detail);
}

SlHistoryItem *
sl_history_item_new_for_row (SlWorkspace      *workspace,
                             SlDecisionStore  *decisions,
                             const SlAuditRow *row)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  if (row->kind == SL_AUDIT_DECISION)
    return new_for_decision (workspace, decisions, row);
  return new_for_change (workspace, row);
}
