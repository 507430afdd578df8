/* fuzz-main.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a libFuzzer target over files and folders of files, once each,
 * where libFuzzer is not available (GCC builds): the fuzz suite replays
 * the seed corpora with it. Options libFuzzer takes ("-runs=0") are
 * ignored.
 */

#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static guint
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const guint8 *)contents, length);
  return 1;
}

static guint
run_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return run_file (path);

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      n += run_path (child);
    }
  return n;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-')
      n += run_path (argv[i]);
  g_print ("Ran %u inputs\n", n);
  return n > 0 ? 0 : 1;
}
