/* sl-document-read.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Strict reading of a document's fields into validated values: each
 * reader checks presence, JSON type and value, and names the field's
 * path in its error.
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-document-private.h"
#include "sl-json-guard.h"
#include "sl-money.h"
#include "sl-period.h"

static const char * const period_members[] = { "first", "last", NULL };
static const char * const money_members[] = { "minor", "currency", NULL };
static const char * const campaign_members[] = { "channel", "name", NULL };

typedef struct
{
  const char *doc_id;
  const char *path;
} Where;

gboolean
sl_document_fail (GError     **error,
                  int          code,
                  const char  *doc_id,
                  const char  *path,
                  const char  *reason)
{
  g_set_error (error, SL_DOCUMENT_ERROR, code,
               /* Translators: the first %s is a document id ("annotation:0f8e…"),
                * the second a field ("period.first"), the third what is wrong with it */
               _("%s: field “%s”: %s"), doc_id, path, reason);
  return FALSE;
}

static gboolean
fail_at (const Where  *where,
         const char   *member,
         int           code,
         const char   *reason,
         GError      **error)
{
  g_autofree char *path = member ? g_strconcat (where->path, ".", member, NULL) : NULL;

  return sl_document_fail (error, code, where->doc_id, path ? path : where->path, reason);
}

static gboolean
is_string (JsonNode *node)
{
  return sl_json_node_holds (node, G_TYPE_STRING);
}

static gboolean
read_string (const Where  *where,
             JsonNode     *node,
             gboolean      nullable,
             SlFieldValue *value,
             GError      **error)
{
  if (!is_string (node))
    return fail_at (where, NULL, SL_DOCUMENT_ERROR_WRONG_TYPE,
                    nullable ? _("expected text or null") : _("expected text"), error);
  value->text = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_integer (const Where  *where,
              const char   *member,
              JsonNode     *node,
              gint64       *out,
              GError      **error)
{
  if (sl_json_node_holds (node, G_TYPE_INT64))
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (sl_json_node_holds (node, G_TYPE_DOUBLE))
    return fail_at (where, member, SL_DOCUMENT_ERROR_WRONG_TYPE,
                    _("expected a whole number, not a fraction"), error);
  return fail_at (where, member, SL_DOCUMENT_ERROR_WRONG_TYPE, _("expected a whole number"), error);
}

static gboolean
read_day (const Where  *where,
          const char   *member,
          JsonNode     *node,
          gboolean      nullable,
          SlFieldValue *value,
          GError      **error)
{
  SlDay day;

  if (!is_string (node) || !sl_day_parse_iso (json_node_get_string (node), &day, NULL))
    return fail_at (where, member,
                    is_string (node) ? SL_DOCUMENT_ERROR_BAD_VALUE : SL_DOCUMENT_ERROR_WRONG_TYPE,
                    nullable ? _("expected an ISO date (YYYY-MM-DD) or null")
                             : _("expected an ISO date (YYYY-MM-DD)"), error);
  value->a = day;
  return TRUE;
}

/* An object with exactly @members, all present. */
static JsonObject *
read_object (const Where         *where,
             JsonNode            *node,
             const char * const  *members,
             GError             **error)
{
  JsonObject *object;
  g_autoptr(GList) names = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_at (where, NULL, SL_DOCUMENT_ERROR_WRONG_TYPE, _("expected an object"), error);
      return NULL;
    }
  object = json_node_get_object (node);
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (members, l->data))
      {
        fail_at (where, l->data, SL_DOCUMENT_ERROR_UNKNOWN_FIELD, _("unknown field"), error);
        return NULL;
      }
  for (guint i = 0; members[i] != NULL; i++)
    if (!json_object_has_member (object, members[i]))
      {
        fail_at (where, members[i], SL_DOCUMENT_ERROR_MISSING_FIELD, _("required but missing"), error);
        return NULL;
      }
  return object;
}

static gboolean
read_period (const Where  *where,
             JsonNode     *node,
             SlFieldValue *value,
             GError      **error)
{
  JsonObject *object = read_object (where, node, period_members, error);
  SlFieldValue last = { 0 };

  if (object == NULL ||
      !read_day (where, "first", json_object_get_member (object, "first"), FALSE, value, error) ||
      !read_day (where, "last", json_object_get_member (object, "last"), FALSE, &last, error))
    return FALSE;
  if (last.a < value->a)
    return fail_at (where, "last", SL_DOCUMENT_ERROR_RULE, _("the period ends before it starts"), error);
  value->b = last.a;
  return TRUE;
}

static gboolean
read_money (const Where  *where,
            JsonNode     *node,
            gboolean      nullable,
            SlFieldValue *value,
            GError      **error)
{
  JsonObject *object;
  JsonNode *currency;

  object = read_object (where, node, money_members, error);
  if (object == NULL ||
      !read_integer (where, "minor", json_object_get_member (object, "minor"), &value->a, error))
    return FALSE;
  currency = json_object_get_member (object, "currency");
  if (!is_string (currency) || strlen (json_node_get_string (currency)) != 3 ||
      !sl_currency_is_valid (json_node_get_string (currency)))
    return fail_at (where, "currency",
                    is_string (currency) ? SL_DOCUMENT_ERROR_BAD_VALUE : SL_DOCUMENT_ERROR_WRONG_TYPE,
                    _("expected a three-letter currency code (ISO 4217)"), error);
  value->text = g_strdup (json_node_get_string (currency));
  return TRUE;
}

static gboolean
read_enum (const Where        *where,
           const SlFieldSpec  *field,
           JsonNode           *node,
           SlFieldValue       *value,
           GError            **error)
{
  g_autofree char *list = NULL;
  g_autofree char *reason = NULL;

  if (is_string (node) && g_strv_contains (field->values, json_node_get_string (node)))
    {
      value->text = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  list = g_strjoinv (", ", (char **)field->values);
  /* Translators: %s is a list of the values allowed, "draft, proposed, approved" */
  reason = g_strdup_printf (_("expected one of: %s"), list);
  return fail_at (where, NULL,
                  is_string (node) ? SL_DOCUMENT_ERROR_BAD_VALUE : SL_DOCUMENT_ERROR_WRONG_TYPE,
                  reason, error);
}

static gboolean
read_uuid (const Where  *where,
           JsonNode     *node,
           gboolean      nullable,
           SlFieldValue *value,
           GError      **error)
{
  if (!is_string (node) || !g_uuid_string_is_valid (json_node_get_string (node)))
    return fail_at (where, NULL,
                    is_string (node) ? SL_DOCUMENT_ERROR_BAD_VALUE : SL_DOCUMENT_ERROR_WRONG_TYPE,
                    nullable ? _("expected a uuid or null") : _("expected a uuid"), error);
  value->text = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_doc_id (const Where  *where,
             JsonNode     *node,
             SlFieldValue *value,
             GError      **error)
{
  const char *text = is_string (node) ? json_node_get_string (node) : NULL;
  const char *colon = text ? strchr (text, ':') : NULL;
  g_autofree char *type = colon ? g_strndup (text, colon - text) : NULL;

  if (type == NULL || sl_document_spec_for_type (type) == NULL || !g_uuid_string_is_valid (colon + 1))
    return fail_at (where, NULL,
                    text ? SL_DOCUMENT_ERROR_BAD_VALUE : SL_DOCUMENT_ERROR_WRONG_TYPE,
                    _("expected a document id (type:uuid)"), error);
  value->text = g_strdup (text);
  return TRUE;
}

static gboolean
read_name (const Where  *where,
           const char   *member,
           JsonNode     *node,
           char        **out,
           GError      **error)
{
  const char *text = is_string (node) ? json_node_get_string (node) : NULL;
  g_autofree char *trimmed = text ? g_strstrip (g_strdup (text)) : NULL;

  if (trimmed == NULL || *trimmed == '\0')
    return fail_at (where, member,
                    text ? SL_DOCUMENT_ERROR_BAD_VALUE : SL_DOCUMENT_ERROR_WRONG_TYPE,
                    _("expected a name"), error);
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_campaign (const Where  *where,
               JsonNode     *node,
               SlFieldValue *value,
               GError      **error)
{
  JsonObject *object = read_object (where, node, campaign_members, error);

  return object != NULL &&
         read_name (where, "channel", json_object_get_member (object, "channel"), &value->text, error) &&
         read_name (where, "name", json_object_get_member (object, "name"), &value->text2, error);
}

/* Whole numbers only, at any depth: snapshots cite exact values. */
static gboolean
check_no_fractions (const Where  *where,
                    JsonNode     *node,
                    GError      **error)
{
  if (sl_json_node_holds (node, G_TYPE_DOUBLE))
    return fail_at (where, NULL, SL_DOCUMENT_ERROR_WRONG_TYPE,
                    _("expected a whole number, not a fraction"), error);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_autofree char *path = g_strconcat (where->path, ".", name, NULL);
          Where inner = { where->doc_id, path };

          if (!check_no_fractions (&inner, member, error))
            return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", where->path, i);
          Where inner = { where->doc_id, path };

          if (!check_no_fractions (&inner, json_array_get_element (array, i), error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_object_text (const Where  *where,
                  JsonNode     *node,
                  SlFieldValue *value,
                  GError      **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (where, NULL, SL_DOCUMENT_ERROR_WRONG_TYPE, _("expected an object"), error);
  if (!check_no_fractions (where, node, error))
    return FALSE;
  value->text = json_to_string (node, FALSE);
  return TRUE;
}

static gboolean
read_time (const Where  *where,
           JsonNode     *node,
           gboolean      nullable,
           SlFieldValue *value,
           GError      **error)
{
  if (!is_string (node) || !sl_document_parse_time (json_node_get_string (node), &value->a))
    return fail_at (where, NULL,
                    is_string (node) ? SL_DOCUMENT_ERROR_BAD_VALUE : SL_DOCUMENT_ERROR_WRONG_TYPE,
                    nullable ? _("expected an RFC 3339 time or null") : _("expected an RFC 3339 time"),
                    error);
  return TRUE;
}

/* The key result target: money or a count; check_rules() matches it to the unit. */
static gboolean
read_target (const Where  *where,
             JsonNode     *node,
             SlFieldValue *value,
             GError      **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return read_money (where, node, FALSE, value, error);
  return read_integer (where, NULL, node, &value->a, error);
}

static gboolean
is_nullable (SlFieldKind kind)
{
  switch (kind)
    {
    case SL_FIELD_TEXT_OR_NULL:
    case SL_FIELD_DAY_OR_NULL:
    case SL_FIELD_MONEY_OR_NULL:
    case SL_FIELD_TIME_OR_NULL:
    case SL_FIELD_CHANNEL:
    case SL_FIELD_LINE_CHANNEL:
    case SL_FIELD_CAMPAIGN:
    case SL_FIELD_GOAL:
    case SL_FIELD_PLAN:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
read_value (const Where        *where,
            const SlFieldSpec  *field,
            JsonNode           *node,
            SlFieldValue       *value,
            GError            **error)
{
  if (JSON_NODE_HOLDS_NULL (node) && is_nullable (field->kind))
    {
      value->is_null = TRUE;
      return TRUE;
    }

  switch (field->kind)
    {
    case SL_FIELD_TEXT:
    case SL_FIELD_TEXT_OR_NULL:
      return read_string (where, node, field->kind == SL_FIELD_TEXT_OR_NULL, value, error);
    case SL_FIELD_ENUM:
      return read_enum (where, field, node, value, error);
    case SL_FIELD_DAY:
    case SL_FIELD_DAY_OR_NULL:
      return read_day (where, NULL, node, field->kind == SL_FIELD_DAY_OR_NULL, value, error);
    case SL_FIELD_PERIOD:
      return read_period (where, node, value, error);
    case SL_FIELD_MONEY:
    case SL_FIELD_MONEY_OR_NULL:
    case SL_FIELD_PLAN_MONEY:
      return read_money (where, node, field->kind == SL_FIELD_MONEY_OR_NULL, value, error);
    case SL_FIELD_TARGET:
      return read_target (where, node, value, error);
    case SL_FIELD_TIME_OR_NULL:
      return read_time (where, node, TRUE, value, error);
    case SL_FIELD_CHANNEL:
    case SL_FIELD_LINE_CHANNEL:
      return read_name (where, NULL, node, &value->text, error);
    case SL_FIELD_CAMPAIGN:
      return read_campaign (where, node, value, error);
    case SL_FIELD_GOAL:
    case SL_FIELD_PLAN:
    case SL_FIELD_UUID:
      return read_uuid (where, node, field->kind != SL_FIELD_UUID, value, error);
    case SL_FIELD_DOC_ID:
      return read_doc_id (where, node, value, error);
    case SL_FIELD_OBJECT:
      return read_object_text (where, node, value, error);
    default:
      g_assert_not_reached ();
    }
}

gboolean
sl_document_read_fields (const char         *doc_id,
                         JsonObject         *object,
                         const char         *prefix,
                         const SlFieldSpec  *fields,
                         guint               n_fields,
                         gboolean            strict,
                         SlFieldRow         *row,
                         GError            **error)
{
  if (strict)
    {
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        if (sl_document_spec_find (fields, n_fields, l->data) < 0)
          {
            g_autofree char *path = g_strconcat (prefix, l->data, NULL);
            return sl_document_fail (error, SL_DOCUMENT_ERROR_UNKNOWN_FIELD, doc_id, path,
                                     _("unknown field"));
          }
    }

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *path = g_strconcat (prefix, fields[i].name, NULL);
      Where where = { doc_id, path };
      JsonNode *node = json_object_get_member (object, fields[i].name);

      if (node == NULL)
        return sl_document_fail (error, SL_DOCUMENT_ERROR_MISSING_FIELD, doc_id, path,
                                 _("required but missing"));
      if (!read_value (&where, &fields[i], node, &row->values[i], error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sl_document_read_string (const char   *doc_id,
                         JsonObject   *object,
                         const char   *name,
                         const char  **out,
                         GError      **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_MISSING_FIELD, doc_id, name,
                             _("required but missing"));
  if (!is_string (node))
    return sl_document_fail (error, SL_DOCUMENT_ERROR_WRONG_TYPE, doc_id, name, _("expected text"));
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
sl_document_read_time (const char  *doc_id,
                       JsonObject  *object,
                       const char  *name,
                       gint64      *out,
                       GError     **error)
{
  Where where = { doc_id, name };
  SlFieldValue value = { 0 };
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_MISSING_FIELD, doc_id, name,
                             _("required but missing"));
  if (!read_time (&where, node, FALSE, &value, error))
    return FALSE;
  *out = value.a;
  return TRUE;
}
