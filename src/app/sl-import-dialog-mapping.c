/* sl-import-dialog-mapping.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which column is which field, in the import dialog's Columns row: a
 * combo per field listing the file's columns, chosen as the preview
 * found them; for spend, the channel of exports from a single platform;
 * how amounts are written; and a name to save the mapping under, for
 * the next export of that source. Changing a column or the channel makes
 * a mapping of the user's own, which the preview and the import use. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-import-dialog-private.h"

#define FIELD_KEY "sl-import-field"

/* The column of @field in the preview's mapping, or NULL. */
static const char *
find_mapped_column (SlImportPreview *preview,
                    const char      *field)
{
  gsize len = strlen (field);

  for (guint i = 0; i < preview->mapping->len; i++)
    {
      const char *assignment = g_ptr_array_index (preview->mapping, i);

      if (strncmp (assignment, field, len) == 0 && assignment[len] == '=')
        return assignment + len + 1;
    }
  return NULL;
}

/* "(not in this file)", then the header's named columns. */
static GtkStringList *
create_columns_model (SlImportPreview *preview)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  /* Translators: in a list of a file's columns, for a field the file has no column for */
  gtk_string_list_append (model, _("(not in this file)"));
  for (guint i = 0; preview->header[i] != NULL; i++)
    if (*preview->header[i] != '\0')
      gtk_string_list_append (model, preview->header[i]);
  return model;
}

static guint
find_item (GtkStringList *model,
           const char    *column)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 1; column != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (model, i), column))
      return i;
  return 0;
}

/* The column @row says, or "" for none. */
static const char *
get_row_column (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return "";
  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)), selected);
}

static AdwComboRow *
find_field_row (SlImportDialog *self,
                const char     *field)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    if (g_strcmp0 (g_object_get_data (self->field_rows->pdata[i], FIELD_KEY), field) == 0)
      return self->field_rows->pdata[i];
  return NULL;
}

static char *
dup_entry_text (AdwEntryRow *row)
{
  if (row == NULL)
    return g_strdup ("");
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The channel entry is for files without a channel column. */
static void
update_channel_row (SlImportDialog *self)
{
  AdwComboRow *channel = find_field_row (self, "channel");

  if (self->channel_row != NULL && channel != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->channel_row), *get_row_column (channel) == '\0');
}

static void
mark_edited (SlImportDialog *self,
             gboolean        reload)
{
  reload |= !self->mapping_edited;
  self->mapping_edited = TRUE;
  if (reload)
    sl_import_dialog_reload (self);
  else
    sl_import_dialog_update_mapping (self);
}

static void
field_changed_cb (SlImportDialog *self,
                  GParamSpec     *pspec,
                  AdwComboRow    *row)
{
  if (self->filling)
    return;
  update_channel_row (self);
  mark_edited (self, TRUE);
}

static void
channel_changed_cb (SlImportDialog *self,
                    GtkEditable    *editable)
{
  gboolean empty = *gtk_editable_get_text (editable) == '\0';
  gboolean was_empty = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "empty"));

  if (self->filling)
    return;
  /* Only whether there is a channel changes what is missing. */
  g_object_set_data (G_OBJECT (editable), "empty", GINT_TO_POINTER (empty));
  mark_edited (self, empty != was_empty);
}

static void
add_row (SlImportDialog *self,
         GtkWidget      *row)
{
  adw_expander_row_add_row (self->mapping_row, row);
  g_ptr_array_add (self->field_rows, row);
}

static void
add_channel_row (SlImportDialog       *self,
                 const SlImportPreset *preset)
{
  const char *channel = NULL;
  GtkWidget *row = adw_entry_row_new ();

  if (self->detected_mapping != NULL && self->detected_mapping->channel != NULL)
    channel = self->detected_mapping->channel;
  else if (preset != NULL && preset->channel != NULL)
    channel = preset->channel;
  /* Translators: for exports from one ad platform, without a channel column */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("C_hannel of Every Row"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), channel != NULL ? channel : "");
  g_object_set_data (G_OBJECT (row), "empty", GINT_TO_POINTER (channel == NULL || *channel == '\0'));
  g_signal_connect_object (row, "changed", G_CALLBACK (channel_changed_cb), self, G_CONNECT_SWAPPED);
  self->channel_row = ADW_ENTRY_ROW (row);
  add_row (self, row);
}

static void
add_field_row (SlImportDialog       *self,
               GtkStringList        *model,
               const SlImportField  *field,
               const SlImportPreset *preset)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_import_dialog_get_field_label (field->name));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              find_item (model, find_mapped_column (self->preview, field->name)));
  g_object_set_data (G_OBJECT (row), FIELD_KEY, (gpointer)field->name);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  add_row (self, row);

  if (!g_str_equal (field->name, "channel") || sl_import_dialog_get_kind (self) != SL_IMPORT_SPEND)
    return;
  if (preset != NULL && preset->channel_columns)
    {
      g_auto(GStrv) columns = g_strsplit (preset->channel, "|", -1);
      g_autofree char *list = g_strjoinv (", ", columns);
      /* Translators: wide exports: %s lists columns (TV, Radio…), each a channel's amounts */
      g_autofree char *subtitle = g_strdup_printf (_("A column per channel: %s"), list);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      return;
    }
  add_channel_row (self, preset);
}

static void
add_format_rows (SlImportDialog *self)
{
  GtkWidget *amounts = adw_combo_row_new ();
  GtkWidget *save = adw_entry_row_new ();
  const char * const formats[] = {
    /* Translators: how amounts are written: a decimal point */
    N_("1,234.56"),
    /* Translators: how amounts are written: a decimal comma */
    N_("1.234,56"),
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (model, _(formats[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (amounts), _("_Amounts Are Written"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (amounts), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (amounts), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (amounts),
                              self->detected_mapping != NULL && self->detected_mapping->decimal_comma);
  self->amounts_row = ADW_COMBO_ROW (amounts);
  add_row (self, amounts);

  /* Translators: a name for these column choices, to find them again for the next file */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (save), _("_Save Mapping As"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (save), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (save), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (save), self->preview->source != NULL ? self->preview->source : "");
  self->save_row = ADW_ENTRY_ROW (save);
  add_row (self, save);
}

/* The saved mapping the preview found, for what the rows do not show. */
static void
load_detected_mapping (SlImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->preview->source == NULL)
    return;
  self->detected_mapping = sl_import_mapping_load (sl_workspace_get_database (self->workspace),
                                                   self->preview->source, &error);
  if (error != NULL)
    sl_import_dialog_show_message (self, error->message);
}

void
sl_import_dialog_clear_mapping (SlImportDialog *self)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    adw_expander_row_remove (self->mapping_row, g_ptr_array_index (self->field_rows, i));
  g_ptr_array_set_size (self->field_rows, 0);
  self->channel_row = NULL;
  self->amounts_row = NULL;
  self->save_row = NULL;
  self->mapping_edited = FALSE;
  g_clear_pointer (&self->detected_preset, g_free);
  g_clear_pointer (&self->detected_mapping, sl_import_mapping_free);
}

void
sl_import_dialog_fill_mapping (SlImportDialog *self)
{
  SlImportKind kind = sl_import_dialog_get_kind (self);
  const SlImportPreset *preset;
  const SlImportField *fields;
  g_autoptr(GtkStringList) model = NULL;
  guint n_fields;

  sl_import_dialog_clear_mapping (self);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_row), self->preview != NULL);
  if (self->preview == NULL)
    return;

  load_detected_mapping (self);
  preset = sl_import_dialog_find_preset (kind, self->preview->preset);
  if (self->preview->source == NULL && preset != NULL && preset->signature != NULL)
    self->detected_preset = g_strdup (preset->id);

  self->filling = TRUE;
  model = create_columns_model (self->preview);
  fields = sl_import_fields (kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    add_field_row (self, model, &fields[i], preset);
  add_format_rows (self);
  update_channel_row (self);
  self->filling = FALSE;

  /* Columns to choose: open, to choose them. */
  for (guint i = 0; self->preview->missing[i] != NULL; i++)
    if (!g_str_equal (self->preview->missing[i], "date"))
      adw_expander_row_set_expanded (self->mapping_row, TRUE);
  sl_import_dialog_update_mapping (self);
}

/* Which required fields still have no column (the date aside: the day
 * row gives it). */
/* Marks the required fields that still have no column (but the date:
 * the day row gives it). */
static void
update_warnings (SlImportDialog *self)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      AdwActionRow *row = self->field_rows->pdata[i];
      const char *field = g_object_get_data (G_OBJECT (row), FIELD_KEY);
      gboolean missing;

      if (field == NULL)
        continue;
      missing = self->preview != NULL && !g_str_equal (field, "date") &&
                g_strv_contains ((const char * const *)self->preview->missing, field);
      adw_action_row_set_icon_name (row, missing ? "dialog-warning-symbolic" : NULL);
      if (missing)
        gtk_widget_add_css_class (GTK_WIDGET (row), "missing-field");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "missing-field");
    }
}

static void
update_title (SlImportDialog *self)
{
  const SlImportPreset *preset;
  g_autofree char *saved = NULL;

  if (self->mapping_edited)
    {
      /* Translators: the columns were chosen by the user */
      adw_expander_row_set_subtitle (self->mapping_row, C_("mapping", "Custom"));
      return;
    }
  if (self->preview == NULL)
    return;
  if (self->preview->source != NULL)
    {
      /* Translators: %s is the name a column mapping was saved under, e.g. TikTok Ads */
      saved = g_strdup_printf (_("%s (saved)"), self->preview->source);
      adw_expander_row_set_subtitle (self->mapping_row, saved);
      return;
    }
  preset = sl_import_dialog_find_preset (sl_import_dialog_get_kind (self), self->preview->preset);
  adw_expander_row_set_subtitle (self->mapping_row, preset != NULL ? _(preset->title) : self->preview->preset);
}

void
sl_import_dialog_update_mapping (SlImportDialog *self)
{
  update_title (self);
  update_warnings (self);
}

gboolean
sl_import_dialog_get_decimal_comma (SlImportDialog *self)
{
  return self->amounts_row != NULL && adw_combo_row_get_selected (self->amounts_row) == 1;
}

gboolean
sl_import_dialog_dup_mapping (SlImportDialog   *self,
                              gboolean          importing,
                              SlImportMapping **out,
                              GError          **error)
{
  g_autoptr(SlImportMapping) mapping = NULL;
  g_autofree char *source = dup_entry_text (self->save_row);
  g_autofree char *channel = dup_entry_text (self->channel_row);

  *out = NULL;
  if (!self->mapping_edited && (!importing || *source == '\0'))
    return TRUE;

  mapping = self->detected_mapping != NULL ? sl_import_mapping_copy (self->detected_mapping)
                                           : sl_import_mapping_new (sl_import_dialog_get_kind (self));
  g_clear_pointer (&mapping->source, g_free);
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      const char *field = g_object_get_data (self->field_rows->pdata[i], FIELD_KEY);
      g_autofree char *assignment = NULL;

      if (field == NULL)
        continue;
      assignment = g_strconcat (field, "=", get_row_column (self->field_rows->pdata[i]), NULL);
      if (!sl_import_mapping_assign (mapping, assignment, error))
        return FALSE;
    }
  g_clear_pointer (&mapping->channel, g_free);
  if (self->channel_row != NULL && gtk_widget_get_visible (GTK_WIDGET (self->channel_row)) && *channel != '\0')
    mapping->channel = g_steal_pointer (&channel);
  mapping->decimal_comma = sl_import_dialog_get_decimal_comma (self);
  if (importing)
    {
      mapping->date_order = sl_import_dialog_get_date_order (self);
      if (*source != '\0')
        mapping->source = g_steal_pointer (&source);
    }
  *out = g_steal_pointer (&mapping);
  return TRUE;
}
