/* sl-document.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-document-private.h"
#include "sl-json-guard.h"

struct _SlDocument
{
  GObject           parent_instance;

  const SlTypeSpec *spec;        /* NULL for foreign documents */
  char             *id;
  char             *type;
  char             *uuid;
  char             *rev;
  gint64            schema;
  gboolean          deleted;
  char             *workspace;
  char             *author;
  gint64            created_at;
  gint64            updated_at;
  SlFieldRow       *values;
  GPtrArray        *rows;        /* SlFieldRow */
  JsonObject       *json;
};

G_DEFINE_FINAL_TYPE (SlDocument, sl_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (sl-document-error-quark, sl_document_error)

static gboolean
fail_invalid (GError     **error,
              const char  *reason)
{
  g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID,
               /* Translators: %s says what is wrong with a shared document */
               _("Not a Sunlight document: %s"), reason);
  return FALSE;
}

/* _id is "<type>:<rest>"; the type and the uuid are checked later. */
static gboolean
read_id (SlDocument  *self,
         GError     **error)
{
  JsonNode *node = json_object_get_member (self->json, "_id");
  const char *colon;

  /* Translators: stands for a document's id in errors about one without an id */
  if (node == NULL)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_MISSING_FIELD, _("document"), "_id",
                             _("required but missing"));
  if (!sl_json_node_holds (node, G_TYPE_STRING))
    return sl_document_fail (error, SL_DOCUMENT_ERROR_WRONG_TYPE, _("document"), "_id",
                             _("expected a document id (type:uuid)"));

  self->id = g_utf8_make_valid (json_node_get_string (node), -1);
  colon = strchr (self->id, ':');
  if (colon == NULL || colon == self->id)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_BAD_VALUE, self->id, "_id",
                             _("expected a document id (type:uuid)"));
  self->type = g_strndup (self->id, colon - self->id);
  self->uuid = g_strdup (colon + 1);
  return TRUE;
}

static gboolean
read_meta (SlDocument  *self,
           GError     **error)
{
  JsonNode *rev = json_object_get_member (self->json, "_rev");
  JsonNode *deleted = json_object_get_member (self->json, "_deleted");

  if (rev != NULL)
    {
      if (!sl_json_node_holds (rev, G_TYPE_STRING))
        return sl_document_fail (error, SL_DOCUMENT_ERROR_WRONG_TYPE, self->id, "_rev",
                                 _("expected text"));
      self->rev = g_strdup (json_node_get_string (rev));
    }
  if (deleted != NULL)
    {
      if (!sl_json_node_holds (deleted, G_TYPE_BOOLEAN))
        return sl_document_fail (error, SL_DOCUMENT_ERROR_WRONG_TYPE, self->id, "_deleted",
                                 _("expected true or false"));
      self->deleted = json_node_get_boolean (deleted);
    }
  return TRUE;
}

static gboolean
read_schema (SlDocument  *self,
             GError     **error)
{
  JsonNode *node = json_object_get_member (self->json, "schema");

  if (node == NULL)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_MISSING_FIELD, self->id, "schema",
                             _("required but missing"));
  if (!sl_json_node_holds (node, G_TYPE_INT64))
    return sl_document_fail (error, SL_DOCUMENT_ERROR_WRONG_TYPE, self->id, "schema",
                             _("expected a whole number"));
  self->schema = json_node_get_int (node);
  if (self->schema < 1)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_BAD_VALUE, self->id, "schema",
                             _("expected a schema version of 1 or more"));
  return TRUE;
}

/* type, the uuid of _id, and the members every document has. */
static gboolean
read_common (SlDocument  *self,
             GError     **error)
{
  const char *type, *workspace, *author;

  if (!sl_document_read_string (self->id, self->json, "type", &type, error))
    return FALSE;
  self->spec = sl_document_spec_for_type (type);
  if (self->spec == NULL)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_UNKNOWN_TYPE, self->id, "type",
                             _("unknown document type"));
  if (strcmp (type, self->type) != 0)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_BAD_VALUE, self->id, "_id",
                             _("does not start with the document’s type"));
  if (!g_uuid_string_is_valid (self->uuid))
    return sl_document_fail (error, SL_DOCUMENT_ERROR_BAD_VALUE, self->id, "_id",
                             _("expected a document id (type:uuid)"));

  if (!sl_document_read_string (self->id, self->json, "workspace", &workspace, error))
    return FALSE;
  if (!g_uuid_string_is_valid (workspace))
    return sl_document_fail (error, SL_DOCUMENT_ERROR_BAD_VALUE, self->id, "workspace",
                             _("expected a uuid"));
  if (!sl_document_read_string (self->id, self->json, "author", &author, error) ||
      !sl_document_read_time (self->id, self->json, "created_at", &self->created_at, error) ||
      !sl_document_read_time (self->id, self->json, "updated_at", &self->updated_at, error))
    return FALSE;

  self->workspace = g_strdup (workspace);
  self->author = g_strdup (author);
  return TRUE;
}

static gboolean
read_rows (SlDocument  *self,
           GError     **error)
{
  const SlRowSpec *spec = self->spec->rows;
  JsonNode *node = json_object_get_member (self->json, spec->name);
  JsonArray *array;

  if (node == NULL)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_MISSING_FIELD, self->id, spec->name,
                             _("required but missing"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return sl_document_fail (error, SL_DOCUMENT_ERROR_WRONG_TYPE, self->id, spec->name,
                             _("expected an array"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s[%u].", spec->name, i);
      JsonNode *element = json_array_get_element (array, i);
      SlFieldRow *row;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          prefix[strlen (prefix) - 1] = '\0';
          return sl_document_fail (error, SL_DOCUMENT_ERROR_WRONG_TYPE, self->id, prefix,
                                   _("expected an object"));
        }
      row = sl_field_row_new (spec->n_fields);
      g_ptr_array_add (self->rows, row);
      if (!sl_document_read_fields (self->id, json_node_get_object (element), prefix,
                                    spec->fields, spec->n_fields, TRUE, row, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
sl_document_decode (SlDocument  *self,
                    GError     **error)
{
  if (!read_id (self, error) || !read_meta (self, error))
    return FALSE;

  /* A tombstone or a newer schema's document: kept as it is. */
  self->spec = sl_document_spec_for_type (self->type);
  if (self->deleted)
    return TRUE;
  if (!read_schema (self, error))
    return FALSE;
  if (self->schema > SL_DOCUMENT_SCHEMA)
    return TRUE;

  if (!read_common (self, error))
    return FALSE;
  self->values = sl_field_row_new (self->spec->n_fields);
  if (!sl_document_read_fields (self->id, self->json, "", self->spec->fields, self->spec->n_fields,
                                FALSE, self->values, error))
    return FALSE;
  if (self->spec->rows != NULL && !read_rows (self, error))
    return FALSE;
  return sl_document_check_rules (self, error);
}

static void
sl_document_finalize (GObject *object)
{
  SlDocument *self = (SlDocument *)object;

  g_free (self->id);
  g_free (self->type);
  g_free (self->uuid);
  g_free (self->rev);
  g_free (self->workspace);
  g_free (self->author);
  sl_field_row_free (self->values);
  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (sl_document_parent_class)->finalize (object);
}

static void
sl_document_class_init (SlDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_document_finalize;
}

static void
sl_document_init (SlDocument *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_field_row_free);
}

SlDocument *
sl_document_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(SlDocument) self = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_invalid (error, _("expected a JSON object"));
      return NULL;
    }

  self = g_object_new (SL_TYPE_DOCUMENT, NULL);
  self->json = json_object_ref (json_node_get_object (node));
  if (!sl_document_decode (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The _id of a parsed document for an error message, or “document”. */
static const char *
id_for_error (JsonNode *root)
{
  JsonNode *id = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "_id")
                                               : NULL;

  if (sl_json_node_holds (id, G_TYPE_STRING) &&
      g_utf8_validate (json_node_get_string (id), -1, NULL))
    return json_node_get_string (id);
  /* Translators: stands for a document's id in errors about one without an id */
  return _("document");
}

SlDocument *
sl_document_new_from_data (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  SlJsonGuardResult guard;
  gsize size;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  size = length < 0 ? strlen (data) : (gsize)length;
  guard = sl_json_guard_check (data, size, SL_JSON_MAX_DEPTH, &path);
  if (guard == SL_JSON_GUARD_DEPTH)
    {
      fail_invalid (error, _("nested too deeply"));
      return NULL;
    }

  /* json-glib's message quotes the text, and may cut a character in two. */
  if (!json_parser_load_from_data (parser, size ? data : "", size, &local_error))
    {
      g_autofree char *reason = g_utf8_make_valid (local_error ? local_error->message : _("malformed JSON"), -1);

      fail_invalid (error, reason);
      return NULL;
    }
  /* json-glib wrapped the number; the text said otherwise. (Text that
   * json-glib reads as no value at all, a comment holding digits, is
   * reported as not an object below.) */
  if (guard == SL_JSON_GUARD_RANGE && json_parser_get_root (parser) != NULL)
    {
      sl_document_fail (error, SL_DOCUMENT_ERROR_WRONG_TYPE, id_for_error (json_parser_get_root (parser)),
                        path, _("the number is too large"));
      return NULL;
    }
  return sl_document_new_from_json (json_parser_get_root (parser), error);
}

const char *
sl_document_get_id (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), NULL);
  return self->id;
}

const char *
sl_document_get_doc_type (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), NULL);
  return self->type;
}

SlDocumentKind
sl_document_get_kind (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), SL_DOCUMENT_KIND_FOREIGN);
  return self->spec != NULL && !sl_document_is_foreign (self) ? self->spec->kind
                                                              : SL_DOCUMENT_KIND_FOREIGN;
}

const char *
sl_document_get_uuid (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), NULL);
  return self->uuid;
}

const char *
sl_document_get_rev (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), NULL);
  return self->rev;
}

gint64
sl_document_get_schema (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), 0);
  return self->schema;
}

gboolean
sl_document_is_deleted (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), FALSE);
  return self->deleted;
}

/* A newer schema's document, or a tombstone of a type we do not know. */
gboolean
sl_document_is_foreign (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), FALSE);
  return self->spec == NULL || (!self->deleted && self->schema > SL_DOCUMENT_SCHEMA);
}

const char *
sl_document_get_workspace (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), NULL);
  return self->workspace;
}

const char *
sl_document_get_author (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), NULL);
  return self->author;
}

gint64
sl_document_get_created_at (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), 0);
  return self->created_at;
}

gint64
sl_document_get_updated_at (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), 0);
  return self->updated_at;
}

const char *
sl_document_get_text (SlDocument *self,
                      const char *field)
{
  int i;

  g_return_val_if_fail (SL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (self->values == NULL)
    return NULL;
  i = sl_document_spec_find (self->spec->fields, self->spec->n_fields, field);
  if (i < 0 || (self->spec->fields[i].kind != SL_FIELD_TEXT &&
                self->spec->fields[i].kind != SL_FIELD_TEXT_OR_NULL &&
                self->spec->fields[i].kind != SL_FIELD_ENUM))
    return NULL;
  return self->values->values[i].text;
}

JsonObject *
sl_document_get_json (SlDocument *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT (self), NULL);
  return self->json;
}

const SlTypeSpec *
sl_document_get_spec (SlDocument *self)
{
  return self->spec;
}

SlFieldRow *
sl_document_get_values (SlDocument *self)
{
  return self->values;
}

GPtrArray *
sl_document_get_rows (SlDocument *self)
{
  return self->rows;
}
