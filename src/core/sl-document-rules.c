/* sl-document-rules.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules that tie a document's fields together. The schema checks
 * the same ones (a loss links a plan, an experiment states its
 * hypothesis and expected outcome, a reallocation moves a positive
 * amount between two places); checking them while decoding names the
 * field instead of failing on a constraint.
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-document-private.h"

static const SlFieldValue *
value_of (const SlFieldSpec *fields,
          guint              n_fields,
          SlFieldRow        *row,
          const char        *name)
{
  int i = sl_document_spec_find (fields, n_fields, name);

  g_assert (i >= 0);
  return &row->values[i];
}

#define TOP(doc, name) \
  value_of (sl_document_get_spec (doc)->fields, sl_document_get_spec (doc)->n_fields, \
            sl_document_get_values (doc), name)
#define ROW(doc, row, name) \
  value_of (sl_document_get_spec (doc)->rows->fields, sl_document_get_spec (doc)->rows->n_fields, \
            row, name)

static gboolean
fail_row (GError     **error,
          SlDocument  *doc,
          guint        index,
          const char  *field,
          const char  *reason)
{
  g_autofree char *path = g_strdup_printf ("%s[%u].%s", sl_document_get_spec (doc)->rows->name,
                                           index, field);

  return sl_document_fail (error, SL_DOCUMENT_ERROR_RULE, sl_document_get_id (doc), path, reason);
}

/* A campaign named with its channel must be in the channel named beside it. */
static gboolean
check_campaign (SlDocument          *doc,
                const SlFieldValue  *channel,
                const SlFieldValue  *campaign,
                const char          *path,
                GError             **error)
{
  g_autofree char *full = NULL;

  if (campaign->is_null || channel->is_null ||
      g_ascii_strcasecmp (channel->text, campaign->text) == 0)
    return TRUE;
  full = g_strconcat (path, "campaign.channel", NULL);
  return sl_document_fail (error, SL_DOCUMENT_ERROR_RULE, sl_document_get_id (doc), full,
                           _("the campaign belongs to another channel than the one named"));
}

static gboolean
check_annotation (SlDocument  *doc,
                  GError     **error)
{
  const char *kind = TOP (doc, "kind")->text;
  const char *id = sl_document_get_id (doc);

  if (strcmp (kind, "loss") == 0 && TOP (doc, "plan")->is_null)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_RULE, id, "plan",
                             _("a loss must link the plan that answers it"));
  if (strcmp (kind, "experiment") == 0 && TOP (doc, "hypothesis")->is_null)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_RULE, id, "hypothesis",
                             _("an experiment must state its hypothesis"));
  if (strcmp (kind, "experiment") == 0 && TOP (doc, "expected_outcome")->is_null)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_RULE, id, "expected_outcome",
                             _("an experiment must state its expected outcome"));
  return check_campaign (doc, TOP (doc, "channel"), TOP (doc, "campaign"), "", error);
}

static gboolean
check_goal (SlDocument  *doc,
            GError     **error)
{
  GPtrArray *rows = sl_document_get_rows (doc);

  for (guint i = 0; i < rows->len; i++)
    {
      SlFieldRow *row = g_ptr_array_index (rows, i);
      gboolean money = strcmp (ROW (doc, row, "unit")->text, "money") == 0;
      gboolean has_currency = ROW (doc, row, "target")->text != NULL;

      if (money && !has_currency)
        return fail_row (error, doc, i, "target",
                         _("a money target must be an amount with its currency"));
      if (!money && has_currency)
        return fail_row (error, doc, i, "target",
                         _("only a money target has a currency; this one is a whole number"));
    }
  return TRUE;
}

static gboolean
check_plan (SlDocument  *doc,
            GError     **error)
{
  GPtrArray *rows = sl_document_get_rows (doc);
  const char *currency = TOP (doc, "reserve_draw")->text;

  for (guint i = 0; i < rows->len; i++)
    {
      SlFieldRow *row = g_ptr_array_index (rows, i);
      const SlFieldValue *amount = ROW (doc, row, "amount");

      if (strcmp (amount->text, currency) != 0)
        return fail_row (error, doc, i, "amount.currency",
                         _("a line moves money in the plan’s currency, that of its reserve draw"));
      if (amount->a <= 0)
        return fail_row (error, doc, i, "amount.minor", _("a line moves more than zero"));
      if (ROW (doc, row, "from_channel")->is_null && ROW (doc, row, "to_channel")->is_null)
        return fail_row (error, doc, i, "to_channel",
                         _("a line moves money from or to a channel, not from the reserve to itself"));
    }
  return TRUE;
}

static gboolean
check_request (SlDocument  *doc,
               GError     **error)
{
  GPtrArray *rows = sl_document_get_rows (doc);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rows->len; i++)
    {
      SlFieldRow *row = g_ptr_array_index (rows, i);
      g_autofree char *prefix = g_strdup_printf ("lines[%u].", i);

      if (!g_hash_table_add (ids, ROW (doc, row, "id")->text))
        return fail_row (error, doc, i, "id", _("two lines have the same id"));
      if (ROW (doc, row, "channel")->is_null && !ROW (doc, row, "campaign")->is_null)
        return fail_row (error, doc, i, "campaign", _("the reserve has no campaigns"));
      if (!check_campaign (doc, ROW (doc, row, "channel"), ROW (doc, row, "campaign"), prefix, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sl_document_check_rules (SlDocument  *doc,
                         GError     **error)
{
  switch (sl_document_get_kind (doc))
    {
    case SL_DOCUMENT_KIND_ANNOTATION:
      return check_annotation (doc, error);
    case SL_DOCUMENT_KIND_GOAL:
      return check_goal (doc, error);
    case SL_DOCUMENT_KIND_PLAN:
      return check_plan (doc, error);
    case SL_DOCUMENT_KIND_REQUEST:
      return check_request (doc, error);
    case SL_DOCUMENT_KIND_COMMENT:
    case SL_DOCUMENT_KIND_DECISION:
    case SL_DOCUMENT_KIND_FOREIGN:
    default:
      return TRUE;
    }
}
