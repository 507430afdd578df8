/* sl-import-dialog-preview.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the import dialog shows of the file: what is missing and the
 * first rows, one column view column per header field. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-import-dialog-private.h"
#include "sl-rtl-scroll.h"

/* The fields the importers read, as people call them. */
static const struct { const char *name; const char *label; } field_labels[] = {
  { "date", N_("Date") },
  { "channel", N_("Channel") },
  { "campaign", N_("Campaign") },
  { "spend", N_("Spend") },
  { "currency", N_("Currency") },
  { "impressions", N_("Impressions") },
  { "clicks", N_("Clicks") },
  { "conversions", N_("Conversions") },
  { "id", N_("ID") },
  { "created", N_("Created") },
  /* Translators: marketing qualified lead */
  { "mql", N_("MQL") },
  /* Translators: sales qualified lead */
  { "sql", N_("SQL") },
  { "opportunity", N_("Opportunity") },
  { "won", N_("Won") },
  { "lost", N_("Lost") },
  { "stage", N_("Stage") },
  { "close date", N_("Close date") },
  { "amount", N_("Amount") },
  { "gross profit", N_("Gross profit") },
  { "margin", N_("Margin") },
  /* Translators: who owns a deal in the CRM */
  { "owner", N_("Owner") },
  /* Translators: the marketing contacts that led to a deal */
  { "touchpoints", N_("Touchpoints") },
  { "customer", N_("Customer") },
  { "name", N_("Name") },
  { "month", N_("Month") },
  /* Translators: monthly recurring revenue */
  { "mrr", N_("MRR") },
  { "is reserve", N_("Reserve") },
  { "goal", N_("Goal") },
  { "note", N_("Note") },
};

const char *
sl_import_dialog_get_field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field_labels[i].name, field) == 0)
      return _(field_labels[i].label);
  return field;
}

/* The preset @id of @kind, if there is one. */
const SlImportPreset *
sl_import_dialog_find_preset (SlImportKind  kind,
                              const char   *id)
{
  const SlImportPreset *presets = sl_import_presets (kind);

  for (guint i = 0; presets != NULL && presets[i].id != NULL; i++)
    if (g_strcmp0 (presets[i].id, id) == 0)
      return &presets[i];
  return NULL;
}

/* The required fields without a column, but the date: the day row
 * below asks for that. */
static void
show_missing (SlImportDialog *self)
{
  SlImportPreview *preview = self->preview;
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; preview != NULL && preview->missing[i] != NULL; i++)
    {
      if (g_str_equal (preview->missing[i], "date"))
        continue;
      if (missing->len > 0)
        /* Translators: separates the names of missing columns */
        g_string_append (missing, _(", "));
      g_string_append (missing, sl_import_dialog_get_field_label (preview->missing[i]));
    }
  adw_action_row_set_subtitle (self->missing_row, missing->str);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_row), missing->len > 0);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "width"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), width);
  gtk_label_set_max_width_chars (GTK_LABEL (label), width);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  const char *text = gtk_string_list_get_string (row, column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
remove_columns (SlImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
}

/* Characters to show of column @column: its widest text, up to a limit
 * (ellipsized cells can only be as wide as their column asks). */
static int
measure_column (SlImportPreview *preview,
                guint            column)
{
  glong width = g_utf8_strlen (preview->header[column], -1);

  for (guint i = 0; i < preview->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (preview->rows, i);

      if (column < g_strv_length (row))
        width = MAX (width, g_utf8_strlen (row[column], -1));
    }
  return CLAMP (width, 3, 24);
}

/* The first rows, one column per header field. */
static void
show_rows (SlImportDialog *self)
{
  SlImportPreview *preview = self->preview;
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *description = NULL;
  g_autofree char *count = NULL;

  remove_columns (self);
  gtk_widget_set_visible (self->preview_group, preview != NULL);
  if (preview == NULL)
    {
      gtk_column_view_set_model (self->preview_view, NULL);
      return;
    }

  rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  for (guint i = 0; i < preview->rows->len; i++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new ((const char * const *)g_ptr_array_index (preview->rows, i));

      g_list_store_append (rows, row);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
  sl_rtl_scroll_reset (GTK_SCROLLABLE (self->preview_view));

  for (guint i = 0; preview->header[i] != NULL; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *title = NULL;

      if (*preview->header[i] == '\0')
        /* Translators: the title of a column without a name; %u is its number */
        title = g_strdup_printf (_("Column %u"), i + 1);
      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (factory), "width", GINT_TO_POINTER (measure_column (preview, i)));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
      column = gtk_column_view_column_new (title != NULL ? title : preview->header[i],
                                           g_steal_pointer (&factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      /* The last column takes what is left of a wide dialog. */
      gtk_column_view_column_set_expand (column, preview->header[i + 1] == NULL);
      gtk_column_view_append_column (self->preview_view, column);
    }

  count = g_strdup_printf ("%'Iu", preview->rows->len);
  /* Translators: %s is a number of rows */
  description = g_strdup_printf (ngettext ("The first row of the file",
                                           "The first %s rows of the file",
                                           preview->rows->len),
                                 count);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->preview_group), description);
}

void
sl_import_dialog_init_preview (SlImportDialog *self)
{
  sl_rtl_scroll_attach (GTK_SCROLLABLE (self->preview_view));
}

void
sl_import_dialog_show_preview (SlImportDialog *self)
{
  show_missing (self);
  show_rows (self);
}
