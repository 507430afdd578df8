/* sl-application-demo.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sl-application.h"
#include "sl-demo.h"
#include "sl-window.h"

/* The demo workspace lives in the user's data folder and is written the
 * first time it is asked for, in a thread since it holds a year of
 * daily spend. */

static char *
dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sunlight", "demo.sunlight", NULL);
}

static void
remove_partial (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/* What the main thread keeps while the demo is written. */
typedef struct
{
  char      *path;
  GtkWindow *window;
  AdwToast  *toast;   /* "Creating…", dismissed when done */
} DemoJob;

static void
demo_job_free (DemoJob *job)
{
  g_free (job->path);
  g_clear_object (&job->window);
  g_clear_object (&job->toast);
  g_free (job);
}

static void
write_demo_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DemoJob *job = task_data;
  const char *path = job->path;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  SlDemoOptions options = { 0, };

  options.seed = 1;
  options.spend_rows = 0;
  options.fiscal_year = g_date_time_get_year (now);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               /* Translators: %s is a folder, then the system's reason */
                               _("Could not create the folder “%s”: %s"),
                               folder, g_strerror (saved_errno));
      return;
    }

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  if (db == NULL || !sl_demo_write (db, &options, NULL, NULL, &error))
    {
      g_clear_object (&db);
      remove_partial (path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_demo_enabled (SlApplication *self,
                  gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "open-demo");

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
write_demo_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SlApplication *self = SL_APPLICATION (object);
  DemoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  set_demo_enabled (self, TRUE);
  g_application_release (G_APPLICATION (self));
  adw_toast_dismiss (job->toast);

  if (gtk_widget_in_destruction (GTK_WIDGET (job->window)))
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sl_window_show_toast (SL_WINDOW (job->window), error->message);
      return;
    }

  file = g_file_new_for_path (job->path);
  sl_window_open_file (SL_WINDOW (job->window), file);
}

void
sl_application_open_demo (SlApplication *self,
                          GtkWindow     *window)
{
  g_autofree char *path = dup_demo_path ();
  g_autoptr(GTask) task = NULL;
  DemoJob *job;

  g_return_if_fail (SL_IS_APPLICATION (self));
  g_return_if_fail (SL_IS_WINDOW (window));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      sl_window_open_file (SL_WINDOW (window), file);
      return;
    }

  job = g_new0 (DemoJob, 1);
  job->path = g_steal_pointer (&path);
  job->window = g_object_ref (window);
  job->toast = g_object_ref (sl_window_show_toast (SL_WINDOW (window),
                                                   _("Creating the demo workspace…")));
  adw_toast_set_timeout (job->toast, 0);
  set_demo_enabled (self, FALSE);
  g_application_hold (G_APPLICATION (self));

  task = g_task_new (self, NULL, write_demo_done_cb, NULL);
  g_task_set_source_tag (task, sl_application_open_demo);
  g_task_set_task_data (task, job, (GDestroyNotify)demo_job_free);
  g_task_run_in_thread (task, write_demo_worker);
}
