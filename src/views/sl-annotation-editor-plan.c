/* sl-annotation-editor-plan.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The lines of the reallocation plan a new loss is written with: each
 * moves an amount from a channel's month (or the reserve) to another's. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-annotation-editor-private.h"

static void
renumber (SlAnnotationEditor *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      SlAnnotationEditorLine *line = g_ptr_array_index (self->lines, i);
      g_autofree char *number = sl_number_format (i + 1, 0, NULL);
      /* Translators: %s is a number in the locale's digits: “Line 1” of a reallocation plan */
      g_autofree char *title = g_strdup_printf (_("Line %s"), number);

      adw_preferences_group_set_title (line->group, title);
    }
}

static void
remove_clicked_cb (GtkButton          *button,
                   SlAnnotationEditor *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      SlAnnotationEditorLine *line = g_ptr_array_index (self->lines, i);

      if (line->remove_button == GTK_WIDGET (button))
        {
          gtk_box_remove (self->lines_box, GTK_WIDGET (line->group));
          g_ptr_array_remove_index (self->lines, i);
          renumber (self);
          return;
        }
    }
}

static AdwComboRow *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           GListModel          *model,
           guint                selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

/* The month of the annotation's first day, else the first listed. */
static guint
default_month (SlAnnotationEditor *self)
{
  SlDay first, last;

  if (!sl_range_chooser_get_range (self->range, &first, &last))
    return 0;
  for (guint i = self->months->len; i > 0; i--)
    if (g_array_index (self->months, SlDay, i - 1) <= first)
      return i - 1;
  return 0;
}

SlAnnotationEditorLine *
sl_annotation_editor_append_line (SlAnnotationEditor *self)
{
  SlAnnotationEditorLine *line = g_new0 (SlAnnotationEditorLine, 1);
  guint month = default_month (self);
  g_autofree char *amount_title = NULL;

  line->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  line->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (line->remove_button, "flat");
  gtk_widget_set_tooltip_text (line->remove_button, _("Remove this line"));
  g_signal_connect_object (line->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (line->group, line->remove_button);

  line->from_row = add_combo (line->group, _("From"), self->line_channels,
                              MIN (1, g_list_model_get_n_items (self->line_channels) - 1));
  line->from_month_row = add_combo (line->group, _("From month"), self->month_names, month);
  line->to_row = add_combo (line->group, _("To"), self->line_channels,
                            MIN (2, g_list_model_get_n_items (self->line_channels) - 1));
  line->to_month_row = add_combo (line->group, _("To month"), self->month_names, month);
  line->amount_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: %s is a currency code, e.g. “Amount (USD)” */
  amount_title = g_strdup_printf (_("Amount (%s)"), sl_workspace_get_currency (self->workspace));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->amount_row), amount_title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line->amount_row), FALSE);
  adw_preferences_group_add (line->group, GTK_WIDGET (line->amount_row));

  gtk_box_append (self->lines_box, GTK_WIDGET (line->group));
  g_ptr_array_add (self->lines, line);
  renumber (self);
  return line;
}

GArray *
sl_annotation_editor_read_lines (SlAnnotationEditor  *self,
                                 GError             **error)
{
  g_autoptr(GArray) specs = g_array_new (FALSE, TRUE, sizeof (SlReallocLineSpec));
  const char *currency = sl_workspace_get_currency (self->workspace);

  for (guint i = 0; i < self->lines->len; i++)
    {
      SlAnnotationEditorLine *line = g_ptr_array_index (self->lines, i);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (line->amount_row))));
      g_autofree char *number = sl_number_format (i + 1, 0, NULL);
      guint from_month = adw_combo_row_get_selected (line->from_month_row);
      guint to_month = adw_combo_row_get_selected (line->to_month_row);
      SlReallocLineSpec spec = { 0 };
      SlMoney amount;

      if (*text == '\0')
        {
          /* Translators: %s is the number of a line of a reallocation plan */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Line %s needs the amount it moves"), number);
          return NULL;
        }
      if (!sl_money_parse (text, currency, NULL, &amount, error))
        {
          /* Translators: %s is the number of a line of a plan; the reason follows */
          g_prefix_error (error, _("Line %s: "), number);
          return NULL;
        }
      /* The channel row's ids: its "All channels" is the reserve here. */
      spec.from_channel_id = sl_annotation_editor_selected_id (line->from_row, self->channel_ids);
      spec.to_channel_id = sl_annotation_editor_selected_id (line->to_row, self->channel_ids);
      spec.from_month = from_month < self->months->len ? g_array_index (self->months, SlDay, from_month)
                                                       : SL_DAY_INVALID;
      spec.to_month = to_month < self->months->len ? g_array_index (self->months, SlDay, to_month) : SL_DAY_INVALID;
      spec.amount_minor = amount.minor;
      g_array_append_val (specs, spec);
    }
  return g_steal_pointer (&specs);
}

gint64
sl_annotation_editor_reserve_draw (GArray *lines)
{
  gint64 draw = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const SlReallocLineSpec *line = &g_array_index (lines, SlReallocLineSpec, i);

      if (line->from_channel_id == 0)
        draw += line->amount_minor;
      if (line->to_channel_id == 0)
        draw -= line->amount_minor;
    }
  return draw;
}

GtkWidget *
sl_annotation_editor_get_line_field (SlAnnotationEditor *self,
                                     guint               index,
                                     const char         *name)
{
  SlAnnotationEditorLine *line;

  g_return_val_if_fail (SL_IS_ANNOTATION_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);

  line = g_ptr_array_index (self->lines, index);
  if (g_strcmp0 (name, "from") == 0)
    return GTK_WIDGET (line->from_row);
  if (g_strcmp0 (name, "from-month") == 0)
    return GTK_WIDGET (line->from_month_row);
  if (g_strcmp0 (name, "to") == 0)
    return GTK_WIDGET (line->to_row);
  if (g_strcmp0 (name, "to-month") == 0)
    return GTK_WIDGET (line->to_month_row);
  if (g_strcmp0 (name, "amount") == 0)
    return GTK_WIDGET (line->amount_row);
  if (g_strcmp0 (name, "remove") == 0)
    return line->remove_button;
  return NULL;
}
