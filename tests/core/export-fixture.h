/* export-fixture.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "collab-fixture.h"
#include "sl-collab.h"
#include "sl-csv-reader.h"
#include "sl-export.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

/* The exports' workspace: DOMAIN.md's example in March 2025, a channel
 * whose name needs quoting in CSV (a comma, quotes, Thai), a plan for
 * March, a reallocation plan approved by finance in a meeting on March
 * 12, and a win written about Social. */

#define EXPORT_MAR(d) sl_day_from_ymd (2025, 3, (d))

#define EXPORT_NAME        "Northwind Marketing"
#define EXPORT_ODD_CHANNEL "Radio, \"local\" วิทยุ"
#define EXPORT_WIN_TITLE   "Social beats its CAC target"
#define EXPORT_PLAN_TITLE  "Search to Social"
#define EXPORT_NOTE        "Agreed: move it before the spring campaign"

static inline void
export_add_plan_and_decision (SlWorkspace *ws)
{
  SlReallocPlanSpec spec = { EXPORT_PLAN_TITLE, "Social turns leads into customers ten times as often", NULL, 0, 0 };
  SlReallocLineSpec line = { 1, EXPORT_MAR (1), 2, EXPORT_MAR (1), 100000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  gint64 id = 0;

  g_assert_true (sl_workspace_create_realloc_plan (ws, &spec, &line, 1, &id, &error));
  g_assert_true (sl_workspace_propose_realloc_plan (ws, id, &error));
  g_assert_no_error (error);
  target = sl_collab_doc_id ("plan", sl_record_get_uuid (SL_RECORD (
    sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (ws), id))));

  sl_workspace_set_user_role (ws, SL_USER_ROLE_FINANCE);
  sl_workspace_set_author (ws, "Fiona");
  g_assert_true (sl_workspace_record_decision (ws, target, SL_VERDICT_APPROVE, EXPORT_NOTE,
                                               EXPORT_MAR (12), NULL, &error));
  g_assert_no_error (error);
  sl_workspace_set_user_role (ws, SL_USER_ROLE_MARKETING);
  sl_workspace_set_author (ws, "Ann");
}

static inline void
export_add_win (SlWorkspace *ws)
{
  SlAnnotationSpec spec = {
    .kind = SL_ANNOTATION_WIN, .title = EXPORT_WIN_TITLE, .body = "Ten customers from 100 leads.",
    .channel_id = 2, .first_day = EXPORT_MAR (1), .last_day = EXPORT_MAR (31),
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_workspace_create_annotation (ws, &spec, NULL, &error));
  g_assert_no_error (error);
}

static inline void
export_fixture_setup (SlWorkspaceFixture *fixture,
                      gconstpointer       data)
{
  static const SlMetric kpis[] = {
    SL_METRIC_SPEND, SL_METRIC_REVENUE, SL_METRIC_CAC, SL_METRIC_ROI, SL_METRIC_CPL,
  };
  g_autoptr(GError) error = NULL;

  sl_workspace_fixture_setup (fixture, data);
  g_assert_true (sl_workspace_set_name (fixture->ws, data != NULL ? data : EXPORT_NAME, &error));
  sl_workspace_set_author (fixture->ws, "Ann");
  collab_import_domain_example (fixture->ws, fixture->dir);
  sl_test_workspace_import (fixture->ws, fixture->dir, "radio.csv", SL_IMPORT_SPEND,
                            "date,channel,campaign,spend,currency\n"
                            "2025-03-02,\"Radio, \"\"local\"\" วิทยุ\",Drive,250.50,USD\n");
  collab_set_plan (fixture->ws, 1, EXPORT_MAR (1), 1200000);
  collab_set_plan (fixture->ws, 2, EXPORT_MAR (1), 800000);
  export_add_plan_and_decision (fixture->ws);
  export_add_win (fixture->ws);
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    g_assert_true (sl_workspace_add_kpi (fixture->ws, kpis[i], &error));
}

/* Every record of the CSV file at @path (a GStrv each). */
static inline GPtrArray *
export_read_csv (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(SlCsvReader) reader = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GError) error = NULL;
  gboolean has_record = TRUE;

  g_assert_nonnull (stream);
  reader = sl_csv_reader_new (G_INPUT_STREAM (stream), path, SL_CSV_ENCODING_AUTO, ',');
  while (sl_csv_reader_next (reader, &has_record, NULL, &error) && has_record)
    {
      GStrv fields = g_new0 (char *, sl_csv_reader_get_n_fields (reader) + 1);

      for (guint i = 0; i < sl_csv_reader_get_n_fields (reader); i++)
        fields[i] = g_strdup (sl_csv_reader_get_field (reader, i));
      g_ptr_array_add (records, fields);
    }
  g_assert_no_error (error);
  return records;
}

/* Runs @argv, which must succeed. */
static inline void
export_spawn (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s%s", argv[0], error->message, out, err);
}

/* The folder screenshots of the export go to (build/screenshots/export). */
static inline char *
export_screenshot_dir (void)
{
  const char *base = g_getenv ("SL_SCREENSHOT_DIR");
  char *dir = g_build_filename (base != NULL ? base : g_get_tmp_dir (), "export", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

/* @text with every run of white space (no-break spaces too, as money
 * is formatted with) made one plain space and format characters (bidi
 * marks, zero-width joiners) dropped, to compare with what pdftotext
 * extracts. With @squeeze, no spaces at all: pdftotext splits words of
 * Arabic script where glyphs join. */
static inline char *
export_normalize_full (const char *text,
                       gboolean    squeeze)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        {
          space = !squeeze;
          continue;
        }
      if (g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static inline char *
export_normalize (const char *text)
{
  return export_normalize_full (text, FALSE);
}

/* Removes the pages of an earlier run. */
static inline void
export_remove_pngs (const char *dir,
                    const char *prefix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *start = g_strconcat (prefix, "-", NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, start) && g_str_has_suffix (name, ".png"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
      }
}

/* The PDF at @path as text (pdftotext), runs of white space made one
 * space; its pages as PNG (pdftoppm) named @prefix-N.png in the
 * screenshot folder. Returns the text; *n_pages gets the pages drawn. */
static inline char *
export_read_pdf (const char *path,
                 const char *prefix,
                 guint      *n_pages)
{
  g_autofree char *text_path = g_strconcat (path, ".txt", NULL);
  g_autofree char *dir = export_screenshot_dir ();
  g_autofree char *root = g_build_filename (dir, prefix, NULL);
  const char *to_text[] = { "pdftotext", "-enc", "UTF-8", path, text_path, NULL };
  const char *to_png[] = { "pdftoppm", "-png", "-r", "60", path, root, NULL };
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    g_error ("pdftotext and pdftoppm (poppler-utils) are needed to read the review pack");
  export_spawn (to_text);
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  export_remove_pngs (dir, prefix);
  export_spawn (to_png);
  for (*n_pages = 0; ; (*n_pages)++)
    {
      g_autofree char *png = g_strdup_printf ("%s-%u.png", root, *n_pages + 1);
      g_autofree char *png2 = g_strdup_printf ("%s-%02u.png", root, *n_pages + 1);

      if (!g_file_test (png, G_FILE_TEST_IS_REGULAR) && !g_file_test (png2, G_FILE_TEST_IS_REGULAR))
        break;
    }
  return export_normalize (text);
}

static inline void
export_options_init (SlExportOptions *options,
                     SlCalendar       calendar,
                     SlExportFormat   format)
{
  SlPeriod march;

  sl_period_init (&march, SL_PERIOD_MONTH, calendar, 1, EXPORT_MAR (15));
  sl_export_options_init (options, format, &march);
  options->as_of = sl_day_from_ymd (2025, 4, 15);
}

/* Exports to @name in the fixture's folder, which must succeed; returns
 * the file's path. */
static inline char *
export_run (SlWorkspaceFixture    *fixture,
            const SlExportOptions *options,
            const char            *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (sl_export_run (fixture->path, path, options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}
