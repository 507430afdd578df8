/* fuzz-document.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: decodes the input as a sync document and, when it
 * is one, applies it to a workspace inside a transaction that is rolled
 * back, encodes it again and checks that what was written reads back
 * the same, and that the figures of an annotation's snapshot read and
 * format whatever a peer put there. Seeds are in corpus/document/.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "sl-annotation-snapshot.h"
#include "sl-demo.h"
#include "sl-document-codec.h"
#include "sl-document-merge.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static char *workspace_dir;
static char *workspace_path;
static SlDatabase *db;
static SlDocumentCodec *codec;

static void
remove_workspace (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&codec);
  g_clear_object (&db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (workspace_path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (workspace_dir);
  g_clear_pointer (&workspace_path, g_free);
  g_clear_pointer (&workspace_dir, g_free);
}

/* A workspace with the goal and plan the seeds refer to, so that their
 * references resolve and the writing code runs. */
static void
open_workspace (void)
{
  g_autoptr(GError) error = NULL;

  workspace_dir = g_dir_make_tmp ("sunlight-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  workspace_path = g_build_filename (workspace_dir, "fuzz.sunlight", NULL);
  db = sl_database_open (workspace_path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_workspace_row_insert (db, "Fuzz", "USD", SL_CALENDAR_GREGORIAN, 1, 800, &error);
  g_assert_no_error (error);
  sl_database_exec (db,
                    "INSERT INTO goal (uuid, objective, first_day, last_day, created_at, updated_at) "
                    "VALUES ('0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e01', 'Goal', 20089, 20453, 0, 0);"
                    "INSERT INTO realloc_plan (uuid, title, currency, created_at, updated_at) "
                    "VALUES ('0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e02', 'Plan', 'USD', 0, 0);",
                    &error);
  g_assert_no_error (error);
  codec = sl_document_codec_new (db);
  atexit (remove_workspace);
}

static SlDocument *
encode_and_decode (SlDocument *doc,
                   JsonNode  **encoded)
{
  g_autoptr(GError) error = NULL;
  SlDocument *again;

  *encoded = sl_document_codec_encode (codec, sl_document_get_id (doc), &error);
  g_assert_no_error (error);
  again = sl_document_new_from_json (*encoded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_document_get_id (again), ==, sl_document_get_id (doc));
  return again;
}

/* Written, a document reads back as it was written, and writing that
 * again changes nothing. */
static void
check_round_trip (SlDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(SlDocument) again = NULL;
  g_autoptr(SlDocument) third = NULL;

  if (!sl_document_codec_apply (codec, doc, &error))
    {
      g_assert_true (error->domain == SL_DOCUMENT_ERROR || error->domain == SL_DATABASE_ERROR);
      return;
    }
  if (sl_document_is_deleted (doc))
    return;

  again = encode_and_decode (doc, &first);
  sl_document_codec_apply (codec, again, &error);
  g_assert_no_error (error);
  third = encode_and_decode (again, &second);
  g_assert_true (json_node_equal (first, second));
}

static void
check_merge (SlDocument *doc)
{
  JsonObject *object = sl_document_get_json (doc);
  g_autoptr(JsonObject) merged = NULL;
  g_auto(GStrv) clashes = NULL;

  merged = sl_document_merge (object, object, object, &clashes);
  g_assert_nonnull (merged);
  g_assert_null (clashes);
}

/* A snapshot comes from whoever wrote the annotation: each of its
 * figures reads as a value or an error, and formats. */
static void
check_snapshot (SlDocument *doc)
{
  JsonNode *node = json_object_get_member (sl_document_get_json (doc), "snapshot");
  g_autofree char *json = NULL;
  g_autoptr(GArray) batches = NULL;
  const SlMetric *metrics;
  guint n_metrics;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  json = json_to_string (node, FALSE);
  metrics = sl_annotation_snapshot_get_metrics (&n_metrics);
  for (guint i = 0; i < n_metrics; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      SlMetricValue value;

      if (!sl_annotation_snapshot_get_value (json, metrics[i], &value, &error))
        {
          g_assert_nonnull (error);
          continue;
        }
      g_assert_no_error (error);
      text = sl_metric_value_format (&value, "en_US.UTF-8");
      g_assert_true (text != NULL && g_utf8_validate (text, -1, NULL));
      if (!sl_metric_value_is_defined (&value) && value.reason != SL_METRIC_REASON_NONE)
        g_assert_nonnull (sl_metric_reason_get_label (value.reason));
    }
  sl_annotation_snapshot_get_formula_version (json);
  batches = sl_annotation_snapshot_get_batches (json);
  g_assert_nonnull (batches);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDocument) doc = NULL;

  if (db == NULL)
    open_workspace ();

  doc = sl_document_new_from_data ((const char *)data, size, &error);
  if (doc == NULL)
    {
      g_assert_true (error->domain == SL_DOCUMENT_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_nonnull (sl_document_get_id (doc));
  check_merge (doc);
  check_snapshot (doc);

  g_assert_true (sl_database_begin (db, NULL));
  check_round_trip (doc);
  sl_database_rollback (db);
  return 0;
}
