/* sl-server-doc.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-json-text.h"
#include "sl-rev-id.h"
#include "sl-server-doc.h"
#include "sl-server-error.h"

/* Special members a write may carry and the server ignores. */
static const char * const ignored_members[] = {
  "_conflicts", "_deleted_conflicts", "_revs_info", "_local_seq", NULL,
};

gboolean
sl_server_doc_check_name (const char  *id,
                          GError     **error)
{
  gsize length = id != NULL ? strlen (id) : 0;

  if (length == 0)
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                "Document id must not be empty");
  if (length > SL_SERVER_DOC_MAX_ID)
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST, "Document id is too long");
  if (!g_utf8_validate (id, (gssize) length, NULL))
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                "Document id must be valid UTF-8");

  for (const char *p = id; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                    "Document id must not contain control characters");
    }

  return TRUE;
}

gboolean
sl_server_doc_check_id (const char  *id,
                        GError     **error)
{
  if (!sl_server_doc_check_name (id, error))
    return FALSE;

  if (id[0] == '_' &&
      !(g_str_has_prefix (id, "_design/") && id[strlen ("_design/")] != '\0'))
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                "Only reserved document ids may start with underscore.");

  return TRUE;
}

static gboolean
read_rev (SlServerDoc  *doc,
          const char   *text,
          GError      **error)
{
  SlRevId rev;

  if (!sl_rev_id_parse (text, &rev))
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST, "Invalid rev format");

  g_free (doc->rev_hash);
  doc->has_rev = TRUE;
  doc->rev_generation = rev.generation;
  doc->rev_hash = g_strdup (rev.hash);
  return TRUE;
}

/* `_revisions`: {"start": N, "ids": ["newest", …]}. */
static gboolean
read_revisions (SlServerDoc  *doc,
                SlJsonScan   *scan,
                GString      *scratch,
                GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gint64 start = -1;
  guint n = 0;
  gboolean done;
  const char *raw;
  gsize raw_length;

  if (!sl_json_scan_enter (scan, '{', error))
    return FALSE;
  while (sl_json_scan_next_member (scan, scratch, &raw, &raw_length, &done, error) && !done)
    {
      gboolean ok;

      if (strcmp (scratch->str, "start") == 0)
        ok = sl_json_scan_int (scan, &start, error);
      else if (strcmp (scratch->str, "ids") == 0)
        {
          ok = sl_json_scan_enter (scan, '[', error);
          while (ok && sl_json_scan_next_element (scan, &done, error) && !done)
            {
              ok = sl_json_scan_string (scan, scratch, error);
              if (ok && !sl_rev_id_hash_is_valid (scratch->str))
                return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                            "Invalid rev format in _revisions");
              g_strv_builder_add (builder, scratch->str);
              n++;
            }
          ok = ok && done;
        }
      else
        ok = sl_json_scan_skip (scan, error);
      if (!ok)
        return FALSE;
    }
  if (!done)
    return FALSE;

  if (n == 0 || start < n || start > G_MAXINT32)
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                "_revisions must be {\"start\": N, \"ids\": [...]}");

  g_strfreev (doc->revisions);
  doc->revisions_start = (guint) start;
  doc->revisions = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_special (SlServerDoc  *doc,
              const char   *name,
              SlJsonScan   *scan,
              GString      *scratch,
              GError      **error)
{
  if (strcmp (name, "_id") == 0)
    {
      if (sl_json_scan_peek (scan) != '"')
        return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                    "Document id must be a string");
      if (!sl_json_scan_string (scan, scratch, error))
        return FALSE;
      g_free (doc->id);
      doc->id = g_strdup (scratch->str);
      doc->has_id = TRUE;
      return sl_server_doc_check_id (doc->id, error);
    }
  if (strcmp (name, "_rev") == 0)
    {
      if (sl_json_scan_peek (scan) != '"')
        return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST, "Invalid rev format");
      if (!sl_json_scan_string (scan, scratch, error))
        return FALSE;
      return read_rev (doc, scratch->str, error);
    }
  if (strcmp (name, "_deleted") == 0)
    return sl_json_scan_boolean (scan, &doc->deleted, error);
  if (strcmp (name, "_revisions") == 0)
    return read_revisions (doc, scan, scratch, error);
  if (strcmp (name, "_attachments") == 0)
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                "sunlight-server does not store attachments");
  if (g_strv_contains (ignored_members, name))
    return sl_json_scan_skip (scan, error);

  g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
               "Bad special document member: %s", name);
  return FALSE;
}

char *
sl_server_doc_new_uuid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *id = g_string_sized_new (32);

  for (const char *p = uuid; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (id, *p);

  return g_string_free (id, FALSE);
}

/* Where a field the rules read is kept, or NULL. */
static char **
field_slot (SlServerDocFields *fields,
            const char        *name)
{
  if (strcmp (name, "type") == 0)
    return &fields->type;
  if (strcmp (name, "author") == 0)
    return &fields->author;
  if (strcmp (name, "status") == 0)
    return &fields->status;
  if (strcmp (name, "verdict") == 0)
    return &fields->verdict;
  return NULL;
}

/* A string value for the rules: decoded again from where it started. */
static void
keep_field (SlServerDocFields *fields,
            const char        *name,
            SlJsonScan        *scan,
            gsize              value_start,
            GString           *scratch)
{
  char **slot = field_slot (fields, name);
  SlJsonScan again = *scan;

  if (slot == NULL)
    return;

  again.pos = value_start;
  g_clear_pointer (slot, g_free);
  if (sl_json_scan_peek (&again) == '"' && sl_json_scan_string (&again, scratch, NULL))
    *slot = g_strdup (scratch->str);
}

/* One ordinary member: copied into the body, noted for the rules. */
static gboolean
read_member (SlServerDoc  *doc,
             GString      *body,
             const char   *name,
             const char   *raw_name,
             gsize         raw_length,
             SlJsonScan   *scan,
             GString      *scratch,
             GError      **error)
{
  gsize value_start;

  if (body->len > 1)
    g_string_append_c (body, ',');
  g_string_append_c (body, '"');
  g_string_append_len (body, raw_name, (gssize) raw_length);
  g_string_append (body, "\":");

  sl_json_scan_peek (scan);
  value_start = scan->pos;
  if (!sl_json_scan_copy (scan, body, error))
    return FALSE;

  keep_field (&doc->fields, name, scan, value_start, scratch);
  return TRUE;
}

static gboolean
read_members (SlServerDoc  *doc,
              SlJsonScan   *scan,
              GString      *body,
              GError      **error)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) scratch = g_string_new (NULL);
  gboolean done = FALSE;
  const char *raw;
  gsize raw_length;

  if (sl_json_scan_peek (scan) != '{')
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                "Document must be a JSON object");
  if (!sl_json_scan_enter (scan, '{', error))
    return FALSE;

  while (sl_json_scan_next_member (scan, name, &raw, &raw_length, &done, error) && !done)
    {
      gboolean ok = name->str[0] == '_'
                    ? read_special (doc, name->str, scan, scratch, error)
                    : read_member (doc, body, name->str, raw, raw_length, scan, scratch, error);

      if (!ok)
        return FALSE;
    }

  return done;
}

SlServerDoc *
sl_server_doc_read (SlJsonScan  *scan,
                    GError     **error)
{
  g_autoptr(SlServerDoc) doc = g_new0 (SlServerDoc, 1);
  GString *body = g_string_sized_new (512);

  g_string_append_c (body, '{');
  if (!read_members (doc, scan, body, error))
    {
      g_string_free (body, TRUE);
      return NULL;
    }
  g_string_append_c (body, '}');
  doc->body = g_string_free (body, FALSE);

  if (doc->revisions != NULL && doc->has_rev &&
      (doc->rev_generation != doc->revisions_start ||
       strcmp (doc->rev_hash, doc->revisions[0]) != 0))
    {
      sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST, "_rev and _revisions do not agree");
      return NULL;
    }
  if (doc->id == NULL)
    doc->id = sl_server_doc_new_uuid ();

  return g_steal_pointer (&doc);
}

SlServerDoc *
sl_server_doc_new_from_text (const char  *text,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(SlServerDoc) doc = NULL;
  g_auto(SlJsonScan) scan = { 0 };

  if (!sl_json_scan_init (&scan, text, length < 0 ? strlen (text) : (gsize) length, error))
    return NULL;

  doc = sl_server_doc_read (&scan, error);
  if (doc == NULL || !sl_json_scan_at_end (&scan, error))
    return NULL;

  return g_steal_pointer (&doc);
}

gboolean
sl_server_doc_check_replicated (SlServerDoc  *doc,
                                GError      **error)
{
  if (doc->has_rev)
    return TRUE;

  return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                              "A replicated document needs its _rev");
}

SlServerDoc *
sl_server_doc_new_deletion (const char  *id,
                            const char  *rev,
                            GError     **error)
{
  g_autoptr(SlServerDoc) doc = g_new0 (SlServerDoc, 1);

  if (!sl_server_doc_check_id (id, error))
    return NULL;

  doc->id = g_strdup (id);
  doc->has_id = TRUE;
  doc->deleted = TRUE;
  doc->body = g_strdup ("{}");

  if (rev != NULL && !read_rev (doc, rev, error))
    return NULL;

  return g_steal_pointer (&doc);
}

gboolean
sl_server_doc_set_path_id (SlServerDoc  *doc,
                           const char   *id,
                           GError      **error)
{
  if (doc->has_id)
    {
      if (g_strcmp0 (doc->id, id) != 0)
        return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                    "Document id in the body does not match the URL");
      return TRUE;
    }
  if (!sl_server_doc_check_id (id, error))
    return FALSE;

  g_free (doc->id);
  doc->id = g_strdup (id);
  return TRUE;
}

gboolean
sl_server_doc_set_rev (SlServerDoc  *doc,
                       const char   *rev,
                       GError      **error)
{
  g_autofree char *current = sl_server_doc_dup_rev (doc);

  if (current != NULL)
    {
      if (g_strcmp0 (current, rev) != 0)
        return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                    "Document rev from request body and query string "
                                   "have different values");
      return TRUE;
    }

  return read_rev (doc, rev, error);
}

void
sl_server_doc_free (SlServerDoc *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->id);
  g_free (doc->rev_hash);
  g_strfreev (doc->revisions);
  g_free (doc->body);
  sl_server_doc_fields_clear (&doc->fields);
  g_free (doc);
}

void
sl_server_doc_fields_clear (SlServerDocFields *fields)
{
  g_clear_pointer (&fields->type, g_free);
  g_clear_pointer (&fields->author, g_free);
  g_clear_pointer (&fields->status, g_free);
  g_clear_pointer (&fields->verdict, g_free);
}

gboolean
sl_server_doc_fields_read (const char        *body,
                           SlServerDocFields *fields)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) scratch = g_string_new (NULL);
  gboolean done = FALSE;
  const char *raw;
  gsize raw_length;
  g_auto(SlJsonScan) scan = { 0 };

  if (!sl_json_scan_init (&scan, body, strlen (body), NULL) ||
      !sl_json_scan_enter (&scan, '{', NULL))
    return FALSE;

  while (sl_json_scan_next_member (&scan, name, &raw, &raw_length, &done, NULL) && !done)
    {
      gsize value_start;

      sl_json_scan_peek (&scan);
      value_start = scan.pos;
      if (!sl_json_scan_skip (&scan, NULL))
        return FALSE;
      keep_field (fields, name->str, &scan, value_start, scratch);
    }

  return done;
}

char *
sl_server_doc_dup_rev (SlServerDoc *doc)
{
  if (!doc->has_rev)
    return NULL;

  return sl_rev_id_format (doc->rev_generation, doc->rev_hash);
}

void
sl_server_doc_append_rev (GString    *out,
                          guint       generation,
                          const char *hash)
{
  /* Hashes are letters and digits: nothing to escape. */
  g_string_append_printf (out, "\"%u-%s\"", generation, hash);
}

static void
append_strings (GString            *out,
                const char * const *strings)
{
  g_string_append_c (out, '[');
  for (guint i = 0; strings[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sl_json_text_append_string (out, strings[i]);
    }
  g_string_append_c (out, ']');
}

void
sl_server_doc_append_json (GString               *out,
                           const SlServerDocView *view)
{
  gsize body_length = strlen (view->body);

  g_string_append (out, "{\"_id\":");
  sl_json_text_append_string (out, view->id);
  g_string_append (out, ",\"_rev\":");
  sl_server_doc_append_rev (out, view->generation, view->hash);
  if (view->deleted)
    g_string_append (out, ",\"_deleted\":true");
  if (view->revisions != NULL)
    {
      g_string_append_printf (out, ",\"_revisions\":{\"start\":%u,\"ids\":",
                              view->revisions_start);
      append_strings (out, view->revisions);
      g_string_append_c (out, '}');
    }
  if (view->conflicts != NULL && view->conflicts[0] != NULL)
    {
      g_string_append (out, ",\"_conflicts\":");
      append_strings (out, view->conflicts);
    }

  /* The body is "{…}": its members follow ours. */
  if (body_length > 2)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, view->body + 1, (gssize) body_length - 1);
    }
  else
    g_string_append_c (out, '}');
}
