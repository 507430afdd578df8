/* sl-export.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <unicode/uloc.h>

#include "sl-export-private.h"

G_DEFINE_QUARK (sl-export-error-quark, sl_export_error)

/* Progress is reported when it moved this much, or the step changed. */
#define PROGRESS_GRAIN 0.01

static gboolean
current_language_is_rtl (void)
{
  const char *name = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *first = NULL;

  /* gettext reads LANGUAGE before LC_MESSAGES (but not in the C locale). */
  if (language != NULL && language[0] != '\0' && name != NULL && !g_str_equal (name, "C"))
    name = first = g_strndup (language, strcspn (language, ":"));
  if (name == NULL || name[0] == '\0' || g_str_equal (name, "C") || g_str_has_prefix (name, "C."))
    return FALSE;
  return uloc_isRightToLeft (name);
}

void
sl_export_options_init (SlExportOptions *options,
                        SlExportFormat   format,
                        const SlPeriod  *period)
{
  g_return_if_fail (options != NULL && period != NULL);

  memset (options, 0, sizeof *options);
  options->format = format;
  options->table = SL_EXPORT_TABLE_CHANNELS;
  options->period = *period;
  options->attributed = FALSE;
  options->model = SL_ATTRIBUTION_LINEAR;
  options->as_of = SL_DAY_INVALID;
  options->rtl = current_language_is_rtl ();
}

const char *
sl_export_format_get_extension (SlExportFormat format)
{
  static const char * const extensions[] = { "pdf", "csv", "xlsx" };

  g_return_val_if_fail (format < G_N_ELEMENTS (extensions), NULL);
  return extensions[format];
}

const char *
sl_export_table_kind_to_string (SlExportTableKind table)
{
  static const char * const names[] = { "channels", "months", "plan-lines" };

  g_return_val_if_fail (table < G_N_ELEMENTS (names), NULL);
  return names[table];
}

const char *
sl_export_table_kind_get_label (SlExportTableKind table)
{
  static const char * const labels[] = {
    /* Translators: a table of an export (a sheet of the workbook) */
    N_("Channels"),
    /* Translators: a table of an export: the budget timeline's months */
    N_("Months"),
    /* Translators: a table of an export: the lines of reallocation plans */
    N_("Plan lines"),
  };

  g_return_val_if_fail (table < G_N_ELEMENTS (labels), NULL);
  return _(labels[table]);
}

/* Steps and progress */

static void
report (SlExportJob *job,
        double       share)
{
  job->reported = share;
  if (job->progress != NULL)
    job->progress (share, job->what, job->progress_data);
}

gboolean
sl_export_job_begin_step (SlExportJob  *job,
                          double        until,
                          const char   *what,
                          GError      **error)
{
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  job->step_from = job->step_to;
  job->step_to = MAX (until, job->step_from);
  g_free (job->what);
  job->what = g_strdup (what);
  report (job, job->step_from);
  return TRUE;
}

gboolean
sl_export_job_advance (SlExportJob  *job,
                       double        fraction,
                       GError      **error)
{
  double share;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  share = job->step_from + CLAMP (fraction, 0.0, 1.0) * (job->step_to - job->step_from);
  if (share - job->reported >= PROGRESS_GRAIN)
    report (job, share);
  return TRUE;
}

SlTimeline *
sl_export_job_get_timeline (SlExportJob  *job,
                            GError      **error)
{
  SlDay as_of = job->options.as_of != SL_DAY_INVALID ? job->options.as_of : sl_day_today ();

  if (job->timeline == NULL)
    job->timeline = sl_timeline_compute (job->metrics, &job->year, as_of, 0, NULL, error);
  return job->timeline;
}

const char *
sl_export_job_channel_name (SlExportJob *job,
                            gint64       channel_id)
{
  SlChannel *channel;

  if (channel_id == 0)
    /* Translators: the discretionary reserve, where a plan line takes money from or puts it */
    return C_("budget", "Reserve");
  channel = sl_channel_store_lookup (sl_workspace_get_channels (job->workspace), channel_id);
  return channel != NULL ? sl_channel_get_name (channel) : "";
}

static void
job_clear (SlExportJob *job)
{
  g_clear_pointer (&job->timeline, sl_timeline_unref);
  g_clear_object (&job->metrics);
  g_clear_object (&job->workspace);
  g_clear_pointer (&job->what, g_free);
}

/* The file */

/* A new empty file beside @output_path, hidden, for the export to fill. */
static char *
make_temporary (const char  *output_path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (output_path);
  g_autofree char *base = g_path_get_basename (output_path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp (path);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a folder, then the system's reason */
                   _("Cannot write in %s: %s"), dir, g_strerror (saved));
      g_free (path);
      return NULL;
    }
  close (fd);
  return path;
}

static gboolean
write_export (SlExportJob  *job,
              const char   *path,
              GError      **error)
{
  switch (job->options.format)
    {
    case SL_EXPORT_PDF:
      return sl_export_write_pdf (job, path, error);
    case SL_EXPORT_CSV:
      return sl_export_write_csv (job, path, error);
    case SL_EXPORT_XLSX:
      return sl_export_write_xlsx (job, path, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
run_job (SlExportJob  *job,
         const char   *workspace_path,
         const char   *output_path,
         GError      **error)
{
  g_autofree char *temporary = NULL;

  if (!sl_export_job_begin_step (job, 0.05, _("Opening the workspace…"), error))
    return FALSE;
  job->workspace = sl_workspace_open (workspace_path, error);
  if (job->workspace == NULL)
    return FALSE;
  job->metrics = sl_metrics_new (sl_workspace_get_database (job->workspace));
  sl_workspace_get_fiscal_year (job->workspace, job->options.period.last, &job->year);

  temporary = make_temporary (output_path, error);
  if (temporary == NULL)
    return FALSE;
  if (!write_export (job, temporary, error) ||
      !sl_export_job_begin_step (job, 1.0, _("Saving the file…"), error))
    {
      g_unlink (temporary);
      return FALSE;
    }
  if (g_rename (temporary, output_path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a file, then the system's reason */
                   _("Cannot save %s: %s"), output_path, g_strerror (saved));
      g_unlink (temporary);
      return FALSE;
    }
  report (job, 1.0);
  return TRUE;
}

gboolean
sl_export_run (const char             *workspace_path,
               const char             *output_path,
               const SlExportOptions  *options,
               SlExportProgressFunc    progress,
               gpointer                progress_data,
               GCancellable           *cancellable,
               GError                **error)
{
  SlExportJob job = { 0 };
  gboolean ok;

  g_return_val_if_fail (workspace_path != NULL && output_path != NULL && options != NULL, FALSE);

  job.options = *options;
  job.output_path = output_path;
  job.progress = progress;
  job.progress_data = progress_data;
  job.cancellable = cancellable;
  job.reported = -1.0;
  ok = run_job (&job, workspace_path, output_path, error);
  job_clear (&job);
  return ok;
}

/* Async */

typedef struct
{
  char                 *workspace_path;
  char                 *output_path;
  SlExportOptions       options;
  SlExportProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  g_free (data->workspace_path);
  g_free (data->output_path);
  g_main_context_unref (data->context);
  g_free (data);
}

/* A report on its way to the caller's context; it carries copies, since
 * the export may be over by the time it arrives. */
typedef struct
{
  SlExportProgressFunc progress;
  gpointer             progress_data;
  double               fraction;
  char                *what;
} ProgressCall;

static void
progress_call_free (ProgressCall *call)
{
  g_free (call->what);
  g_free (call);
}

static gboolean
progress_in_main_cb (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->progress (call->fraction, call->what, call->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_from_thread_cb (double      fraction,
                         const char *what,
                         gpointer    user_data)
{
  AsyncData *data = user_data;
  ProgressCall *call = g_new (ProgressCall, 1);

  call->progress = data->progress;
  call->progress_data = data->progress_data;
  call->fraction = fraction;
  call->what = g_strdup (what);
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_in_main_cb,
                              call, (GDestroyNotify)progress_call_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncData *data = task_data;
  GError *error = NULL;

  if (!sl_export_run (data->workspace_path, data->output_path, &data->options,
                      data->progress != NULL ? progress_from_thread_cb : NULL, data,
                      cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
sl_export_run_async (const char             *workspace_path,
                     const char             *output_path,
                     const SlExportOptions  *options,
                     SlExportProgressFunc    progress,
                     gpointer                progress_data,
                     GCancellable           *cancellable,
                     GAsyncReadyCallback     callback,
                     gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (workspace_path != NULL && output_path != NULL && options != NULL);

  data = g_new0 (AsyncData, 1);
  data->workspace_path = g_strdup (workspace_path);
  data->output_path = g_strdup (output_path);
  data->options = *options;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_export_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify)async_data_free);
  /* Once cancelled, the callback waits for the worker to stop at its
   * next check and remove its temporary file. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
sl_export_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
