/* sl-import-dialog-extra.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the file itself lacks, in the import dialog: the day of every
 * row of an undated export (typed year-month-day or picked in a
 * calendar), and for a funnel the closed deals that join its leads by
 * ID (as Olist ships them, in a second file). */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-import-dialog-private.h"

static gboolean
needs_day (SlImportDialog *self)
{
  return self->preview != NULL &&
         g_strv_contains ((const char * const *)self->preview->missing, "date");
}

/* Callbacks */

static void
day_changed_cb (SlImportDialog *self,
                GtkEditable    *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  SlDay day = SL_DAY_INVALID;

  if (!sl_day_parse_iso (text, &day, NULL))
    day = SL_DAY_INVALID;
  self->default_day = day;
  if (*text != '\0' && day == SL_DAY_INVALID)
    gtk_widget_add_css_class (GTK_WIDGET (self->day_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->day_entry), "error");
  sl_import_dialog_update_actions (self);
}

/* The calendar opens on the day typed, else today. */
static void
day_popover_shown_cb (SlImportDialog *self,
                      GtkPopover     *popover)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  if (self->default_day == SL_DAY_INVALID)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->day_calendar));
      return;
    }
  sl_day_to_ymd (self->default_day, &year, &month, &mday);
  date = g_date_time_new_local (year, month, mday, 0, 0, 0);
  if (date != NULL)
    gtk_calendar_select_day (self->day_calendar, date);
  gtk_widget_grab_focus (GTK_WIDGET (self->day_calendar));
}

static void
calendar_day_selected_cb (SlImportDialog *self,
                          GtkCalendar    *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->day_entry), text);
}

static void
set_join_file (SlImportDialog *self,
               GFile          *file)
{
  g_autofree char *name = NULL;

  g_clear_pointer (&self->join_path, g_free);
  if (file != NULL)
    self->join_path = g_file_get_path (file);
  if (self->join_path != NULL)
    name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->join_row,
                               name != NULL ? name : _("Optional: deals matched to these leads by ID"));
  gtk_widget_set_visible (self->join_clear_button, self->join_path != NULL);
}

static void
join_chooser_response_cb (SlImportDialog       *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      set_join_file (self, file);
    }
  g_object_unref (chooser);
}

static void
join_choose_clicked_cb (SlImportDialog *self,
                        GtkButton      *button)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GFile) folder = g_file_get_parent (self->file);

  chooser = gtk_file_chooser_native_new (_("Closed Deals File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (tables, _("CSV and Text Files"));
  gtk_file_filter_add_pattern (tables, "*.csv");
  gtk_file_filter_add_pattern (tables, "*.tsv");
  gtk_file_filter_add_pattern (tables, "*.txt");
  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tables);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (join_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
join_clear_clicked_cb (SlImportDialog *self,
                       GtkButton      *button)
{
  set_join_file (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->join_row));
}

/* Internal API */

void
sl_import_dialog_class_add_extra (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, day_entry);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, day_calendar);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, day_popover);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, join_row);
  gtk_widget_class_bind_template_child (widget_class, SlImportDialog, join_clear_button);
  gtk_widget_class_bind_template_callback (widget_class, day_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, join_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, join_clear_clicked_cb);
}

void
sl_import_dialog_update_extra (SlImportDialog *self)
{
  gboolean funnel = sl_import_dialog_get_kind (self) == SL_IMPORT_FUNNEL;

  gtk_widget_set_visible (GTK_WIDGET (self->day_row), needs_day (self));
  /* Without dates, how they are written means nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self->date_order_row), !needs_day (self));
  gtk_widget_set_visible (GTK_WIDGET (self->join_row), funnel && self->preview != NULL);
  if (!funnel && self->join_path != NULL)
    set_join_file (self, NULL);
}

gboolean
sl_import_dialog_get_extra_ready (SlImportDialog *self)
{
  if (self->preview == NULL)
    return FALSE;
  for (guint i = 0; self->preview->missing[i] != NULL; i++)
    if (!g_str_equal (self->preview->missing[i], "date"))
      return FALSE;
  return !needs_day (self) || self->default_day != SL_DAY_INVALID;
}
