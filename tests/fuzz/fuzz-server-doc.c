/* fuzz-server-doc.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: sunlight-server's JSON scanner and document reader.
 * What the scanner takes as JSON json-glib must read too; a document it
 * accepts has a valid id and a body that is a JSON object without
 * special members, which reads back to itself. Seeds are in
 * corpus/server-doc/.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-server-doc.h"
#include "sl-server-error.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static gboolean
scanner_takes (const char *text,
               gsize       size)
{
  g_auto(SlJsonScan) scan = { 0 };

  return sl_json_scan_init (&scan, text, size, NULL) &&
         sl_json_scan_skip (&scan, NULL) &&
         sl_json_scan_at_end (&scan, NULL);
}

static void
check_doc (SlServerDoc *doc)
{
  g_autoptr(SlServerDoc) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_server_doc_check_id (doc->id, NULL));
  g_assert_true (doc->body[0] == '{');
  g_assert_true (scanner_takes (doc->body, strlen (doc->body)));

  again = sl_server_doc_new_from_text (doc->body, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->body, ==, doc->body);
  g_assert_false (again->has_id || again->has_rev || again->deleted);
  g_assert_cmpstr (again->fields.type, ==, doc->fields.type);
  g_assert_cmpstr (again->fields.author, ==, doc->fields.author);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlServerDoc) doc = NULL;

  if (scanner_takes (text, size))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, text, (gssize) size, NULL));
    }

  doc = sl_server_doc_new_from_text (text, (gssize) size, &error);
  if (doc == NULL)
    {
      g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST);
      return 0;
    }

  g_assert_no_error (error);
  check_doc (doc);
  return 0;
}
