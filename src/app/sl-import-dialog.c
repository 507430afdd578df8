/* sl-import-dialog.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-import-dialog-private.h"

#define PREVIEW_ROWS 20

G_DEFINE_FINAL_TYPE (SlImportDialog, sl_import_dialog, ADW_TYPE_WINDOW)

guint sl_import_dialog_signals[N_SIGNALS];

/* The date order row's items, in order. */
static const SlDateOrder date_orders[] = {
  SL_DATE_ORDER_AUTO, SL_DATE_ORDER_YMD, SL_DATE_ORDER_DMY, SL_DATE_ORDER_MDY,
};

SlImportKind
sl_import_dialog_get_kind (SlImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected <= SL_IMPORT_PLAN ? (SlImportKind)selected : SL_IMPORT_SPEND;
}

static char *
dup_folder_label (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = NULL;
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (parent == NULL)
    return g_strdup ("");
  name = g_file_get_parse_name (parent);
  /* Paths read left to right, also right to left (isolated, so that
   * the leading slash stays where it is). */
  if (g_str_has_prefix (name, home) && (name[len] == '/' || name[len] == '\0'))
    return g_strconcat ("\u2066~", name + len, "\u2069", NULL);
  return g_strconcat ("\u2066", name, "\u2069", NULL);
}

/* Reads the file as the rows say; @fill also fills the rows from what
 * it finds (a new file or kind), else they stay as the user set them. */
static void
load_preview (SlImportDialog *self,
              gboolean        fill)
{
  g_autoptr(SlImportMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  g_clear_pointer (&self->preview, sl_import_preview_free);
  if (fill)
    sl_import_dialog_clear_mapping (self);
  if (sl_import_dialog_fill_options (self, &options, FALSE, &mapping, &error))
    self->preview = sl_import_preview (sl_workspace_get_database (self->workspace),
                                       self->file, &options, PREVIEW_ROWS, &error);
  self->allow_duplicate = FALSE;

  sl_import_dialog_show_message (self, error != NULL ? error->message : NULL);
  sl_import_dialog_show_preview (self);
  if (fill)
    {
      sl_import_dialog_set_date_order (self, self->preview != NULL ? self->preview->date_order
                                                                   : SL_DATE_ORDER_AUTO);
      sl_import_dialog_fill_mapping (self);
    }
  /* A date column just chosen: its dates tell their order. */
  else if (self->preview != NULL && sl_import_dialog_get_date_order (self) == SL_DATE_ORDER_AUTO)
    sl_import_dialog_set_date_order (self, self->preview->date_order);
  sl_import_dialog_update_mapping (self);
  sl_import_dialog_update_extra (self);
  sl_import_dialog_update_actions (self);
}

static void
kind_changed_cb (SlImportDialog *self)
{
  /* Also runs while the template is built, before there is a file. */
  if (self->file != NULL)
    load_preview (self, TRUE);
}

static gboolean
sl_import_dialog_close_request_vfunc (GtkWindow *window)
{
  if (sl_import_dialog_close_request (SL_IMPORT_DIALOG (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (sl_import_dialog_parent_class)->close_request (window);
}

static void
sl_import_dialog_dispose (GObject *object)
{
  SlImportDialog *self = (SlImportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview, sl_import_preview_free);
  g_clear_pointer (&self->detected_preset, g_free);
  g_clear_pointer (&self->detected_mapping, sl_import_mapping_free);
  g_clear_pointer (&self->join_path, g_free);

  G_OBJECT_CLASS (sl_import_dialog_parent_class)->dispose (object);
}

static void
sl_import_dialog_finalize (GObject *object)
{
  SlImportDialog *self = (SlImportDialog *)object;

  /* Kept to the end: a running import tells the workspace when done. */
  g_clear_object (&self->workspace);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sl_import_dialog_parent_class)->finalize (object);
}

static void
sl_import_dialog_class_init (SlImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sl_import_dialog_dispose;
  object_class->finalize = sl_import_dialog_finalize;
  window_class->close_request = sl_import_dialog_close_request_vfunc;

  /* The result is valid only during the emission. */
  sl_import_dialog_signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  sl_import_dialog_signals[SIGNAL_CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, message_group);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, mapping_row);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, missing_row);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, policy_row);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, stop_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  sl_import_dialog_class_add_extra (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  sl_import_dialog_class_add_run_actions (widget_class);
}

static void
sl_import_dialog_init (SlImportDialog *self)
{
  self->field_rows = g_ptr_array_new ();
  self->default_day = SL_DAY_INVALID;
  gtk_widget_init_template (GTK_WIDGET (self));
  sl_import_dialog_init_preview (self);
}

SlImportDialog *
sl_import_dialog_new (GtkWindow   *parent,
                      SlWorkspace *workspace,
                      GFile       *file)
{
  SlImportDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (SL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->file = g_object_ref (file);

  name = g_file_get_basename (file);
  folder = dup_folder_label (file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, folder);
  adw_status_page_set_description (self->progress_page, name);

  load_preview (self, TRUE);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
  return self;
}

GFile *
sl_import_dialog_get_file (SlImportDialog *self)
{
  g_return_val_if_fail (SL_IS_IMPORT_DIALOG (self), NULL);
  return self->file;
}

gboolean
sl_import_dialog_get_busy (SlImportDialog *self)
{
  g_return_val_if_fail (SL_IS_IMPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

/* Shows @message (plain text) above the options, or hides it (NULL). */
void
sl_import_dialog_show_message (SlImportDialog *self,
                               const char     *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_group, message != NULL);
}

void
sl_import_dialog_update_actions (SlImportDialog *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean ready = sl_import_dialog_get_ready (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", busy);
  gtk_widget_set_visible (self->cancel_button, !busy);
  gtk_widget_set_visible (self->import_button, !busy);
  gtk_stack_set_visible_child_name (self->stack, busy ? "progress" : "options");
}

SlDateOrder
sl_import_dialog_get_date_order (SlImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->date_order_row);

  return selected < G_N_ELEMENTS (date_orders) ? date_orders[selected] : SL_DATE_ORDER_AUTO;
}

void
sl_import_dialog_set_date_order (SlImportDialog *self,
                                 SlDateOrder     order)
{
  /* ISO dates are one way of writing year-month-day. */
  if (order == SL_DATE_ORDER_ISO)
    order = SL_DATE_ORDER_YMD;
  for (guint i = 0; i < G_N_ELEMENTS (date_orders); i++)
    if (date_orders[i] == order)
      adw_combo_row_set_selected (self->date_order_row, i);
}

void
sl_import_dialog_reload (SlImportDialog *self)
{
  load_preview (self, FALSE);
}

gboolean
sl_import_dialog_get_ready (SlImportDialog *self)
{
  return self->preview != NULL && sl_import_dialog_get_extra_ready (self);
}

gboolean
sl_import_dialog_fill_options (SlImportDialog   *self,
                               SlImportOptions  *options,
                               gboolean          importing,
                               SlImportMapping **mapping,
                               GError          **error)
{
  sl_import_options_init (options, sl_import_dialog_get_kind (self));
  if (!sl_import_dialog_dup_mapping (self, importing, mapping, error))
    return FALSE;
  options->mapping = *mapping;
  /* A preset's other ways (rounding, scale) hold with the user's columns. */
  if (*mapping != NULL)
    options->preset = self->detected_preset;
  if (!importing)
    return TRUE;

  options->policy = adw_combo_row_get_selected (self->policy_row) == 1 ? SL_IMPORT_VALID_ROWS
                                                                       : SL_IMPORT_ALL_OR_NOTHING;
  options->date_order = sl_import_dialog_get_date_order (self);
  options->decimal_comma = sl_import_dialog_get_decimal_comma (self);
  options->allow_duplicate = self->allow_duplicate;
  options->author = sl_workspace_get_author (self->workspace);
  if (gtk_widget_get_visible (GTK_WIDGET (self->day_row)))
    options->default_day = self->default_day;
  if (gtk_widget_get_visible (GTK_WIDGET (self->join_row)))
    options->join_path = self->join_path;
  return TRUE;
}
