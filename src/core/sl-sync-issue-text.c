/* sl-sync-issue-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How sync issues name their items and clashing fields.
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-json-guard.h"
#include "sl-sync-issue-store-private.h"

/* Comments show this many characters of their text. */
#define EXCERPT_CHARS 40

typedef struct
{
  const char *member;
  const char *label;
} MemberLabel;

/* The members people edit; the others show as they are named. */
static const MemberLabel member_labels[] = {
  { "title", N_("title") },
  { "objective", N_("objective") },
  { "description", N_("description") },
  { "framework", N_("framework") },
  { "period", N_("period") },
  { "key_results", N_("key results") },
  { "kind", N_("kind") },
  { "body", N_("text") },
  { "channel", N_("channel") },
  { "campaign", N_("campaign") },
  { "goal", N_("goal") },
  { "plan", N_("plan") },
  { "next_steps", N_("next steps") },
  { "hypothesis", N_("hypothesis") },
  { "expected_outcome", N_("expected outcome") },
  { "actual_outcome", N_("actual outcome") },
  { "amount", N_("amount") },
  { "snapshot", N_("figures") },
  { "rationale", N_("rationale") },
  { "status", N_("status") },
  { "scenario_group", N_("scenario") },
  { "reserve_draw", N_("reserve draw") },
  { "applied_at", N_("applied date") },
  { "lines", N_("lines") },
  { "deadline", N_("deadline") },
  { "_deleted", N_("deleted") },
};

static const char *
member_label (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (member_labels); i++)
    if (strcmp (member_labels[i].member, member) == 0)
      return _(member_labels[i].label);
  return member;
}

static char *
excerpt (const char *text)
{
  g_autofree char *flat = g_strdup (text);
  g_autofree char *start = NULL;
  glong length;

  g_strdelimit (flat, "\r\n\t", ' ');
  length = g_utf8_strlen (flat, -1);
  if (length <= EXCERPT_CHARS)
    return g_steal_pointer (&flat);
  start = g_utf8_substring (flat, 0, EXCERPT_CHARS);
  /* Translators: a shortened text; %s is its start */
  return g_strdup_printf (_("%s…"), start);
}

static char *
describe_titled (const char *type,
                 const char *title)
{
  if (g_strcmp0 (type, "goal") == 0)
    /* Translators: %s is the goal's objective */
    return g_strdup_printf (_("Goal “%s”"), title);
  if (g_strcmp0 (type, "annotation") == 0)
    /* Translators: %s is the annotation's title */
    return g_strdup_printf (_("Annotation “%s”"), title);
  if (g_strcmp0 (type, "plan") == 0)
    /* Translators: %s is the reallocation plan's title */
    return g_strdup_printf (_("Plan “%s”"), title);
  if (g_strcmp0 (type, "request") == 0)
    /* Translators: %s is the budget request's title */
    return g_strdup_printf (_("Budget request “%s”"), title);
  /* Translators: %s is the comment's text, shortened */
  return g_strdup_printf (_("Comment “%s”"), title);
}

static char *
describe_decision (SlDocumentCodec *codec,
                   JsonObject      *doc)
{
  const char *verdict = sl_json_get_string (doc, "verdict", "");
  const char *target = sl_json_get_string (doc, "target", "");
  g_autoptr(JsonNode) target_doc = sl_document_codec_encode (codec, target, NULL);
  g_autofree char *what = NULL;

  if (target_doc != NULL && JSON_NODE_HOLDS_OBJECT (target_doc) &&
      !json_object_has_member (json_node_get_object (target_doc), "_deleted"))
    what = sl_sync_issue_describe_item (codec, json_node_get_object (target_doc));
  else
    what = g_strdup (target);

  if (strcmp (verdict, "approve") == 0)
    /* Translators: %s names the item decided on: Plan “Shift to search” */
    return g_strdup_printf (_("Approval of %s"), what);
  if (strcmp (verdict, "reject") == 0)
    /* Translators: %s names the item decided on: Plan “Shift to search” */
    return g_strdup_printf (_("Rejection of %s"), what);
  if (strcmp (verdict, "defer") == 0)
    /* Translators: %s names the item decided on: Plan “Shift to search” */
    return g_strdup_printf (_("Deferral of %s"), what);
  /* Translators: %s names the item decided on: Plan “Shift to search” */
  return g_strdup_printf (_("Decision on %s"), what);
}

char *
sl_sync_issue_describe_item (SlDocumentCodec *codec,
                             JsonObject      *doc)
{
  const char *type = sl_json_get_string (doc, "type", NULL);
  const char *id = sl_json_get_string (doc, "_id", "");
  const char *title = NULL;
  g_autofree char *short_title = NULL;

  if (g_strcmp0 (type, "decision") == 0)
    return describe_decision (codec, doc);
  if (g_strcmp0 (type, "goal") == 0)
    title = sl_json_get_string (doc, "objective", NULL);
  else if (g_strcmp0 (type, "comment") == 0)
    title = sl_json_get_string (doc, "body", NULL);
  else if (type != NULL && (strcmp (type, "annotation") == 0 || strcmp (type, "plan") == 0 ||
                            strcmp (type, "request") == 0))
    title = sl_json_get_string (doc, "title", NULL);

  if (title == NULL)
    /* Translators: an item deleted or of a newer Sunlight; %s is its id */
    return g_strdup_printf (_("Item %s"), id);
  short_title = excerpt (title);
  return describe_titled (type, short_title);
}

char *
sl_sync_issue_describe_clash (const char * const *members)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: what separates the items of a list */
        g_string_append (list, C_("list separator", ", "));
      g_string_append (list, member_label (members[i]));
    }
  /* Translators: %s lists what was changed on both sides: “status, title” */
  return g_strdup_printf (_("Changed here and on the server: %s"), list->str);
}
