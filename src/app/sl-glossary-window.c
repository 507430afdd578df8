/* sl-glossary-window.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-glossary-window.h"
#include "sl-metric.h"
#include "sl-view-filter.h"

struct _SlGlossaryWindow
{
  AdwWindow       parent_instance;

  GtkSearchEntry *search_entry;
  GtkListBox     *list;

  SlViewFilter   *matcher;  /* its search matching, ignoring case and accents */
};

G_DEFINE_FINAL_TYPE (SlGlossaryWindow, sl_glossary_window, ADW_TYPE_WINDOW)

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  SlGlossaryWindow *self = user_data;
  SlMetric metric = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "metric"));

  return sl_view_filter_matches (self->matcher, sl_metric_get_label (metric)) ||
         sl_view_filter_matches (self->matcher, sl_metric_get_description (metric));
}

static void
search_changed_cb (SlGlossaryWindow *self)
{
  sl_glossary_window_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
sl_glossary_window_dispose (GObject *object)
{
  SlGlossaryWindow *self = (SlGlossaryWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_GLOSSARY_WINDOW);
  g_clear_object (&self->matcher);

  G_OBJECT_CLASS (sl_glossary_window_parent_class)->dispose (object);
}

static void
sl_glossary_window_class_init (SlGlossaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_glossary_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-glossary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlGlossaryWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SlGlossaryWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_glossary_window_init (SlGlossaryWindow *self)
{
  SlPeriod any;

  gtk_widget_init_template (GTK_WIDGET (self));
  sl_period_init (&any, SL_PERIOD_DAY, SL_CALENDAR_GREGORIAN, 1, 0);
  self->matcher = sl_view_filter_new (&any);

  for (SlMetric m = 0; m < SL_METRIC_N_METRICS; m++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_metric_get_label (m));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sl_metric_get_description (m));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      g_object_set_data (G_OBJECT (row), "metric", GUINT_TO_POINTER (m));
      gtk_list_box_append (self->list, row);
    }
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkWindow *
sl_glossary_window_new (GtkWindow *parent)
{
  return g_object_new (SL_TYPE_GLOSSARY_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

void
sl_glossary_window_set_search (SlGlossaryWindow *self,
                               const char       *text)
{
  g_return_if_fail (SL_IS_GLOSSARY_WINDOW (self));

  /* The entry first: replacing its text clears it on the way, which
   * comes back here at once. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  sl_view_filter_set_search (self->matcher, text);
  gtk_list_box_invalidate_filter (self->list);
}

guint
sl_glossary_window_get_n_visible (SlGlossaryWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (SL_IS_GLOSSARY_WINDOW (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      n++;
  return n;
}
