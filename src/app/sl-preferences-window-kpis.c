/* sl-preferences-window-kpis.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Overview page: the workspace's list of KPIs, each row with buttons
 * to move it and remove it, and a searchable menu of the metrics not
 * on the list yet. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-preferences-window-private.h"

/* Helpers */

static GtkWidget *
create_row_button (const char *icon_name,
                   const char *name,
                   const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
set_row_text (GtkWidget *row,
              SlKpi     *kpi)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_kpi_get_label (kpi));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sl_kpi_get_description (kpi));
  g_object_set_data_full (G_OBJECT (row), "metric", g_strdup (sl_kpi_get_metric_key (kpi)), g_free);
}

static const char *
row_metric (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_ancestor (child, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "metric") : NULL;
}

static GtkWidget *
find_row (SlPreferencesWindow *self,
          const char          *metric)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->kpi_list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "metric"), metric) == 0)
      return GTK_WIDGET (row);
  return NULL;
}

/* The first row cannot go up, nor the last down. */
static void
update_move_buttons (SlPreferencesWindow *self)
{
  GtkListBoxRow *row;
  int n = g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_kpis (self->workspace)));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->kpi_list, i)) != NULL; i++)
    {
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "down"), i < n - 1);
    }
}

/* After a move the row is a new one: give the focus back to its button. */
static void
focus_button (SlPreferencesWindow *self,
              const char          *metric,
              const char          *key)
{
  GtkWidget *row = find_row (self, metric);
  GtkWidget *button;

  if (row == NULL)
    return;
  button = g_object_get_data (G_OBJECT (row), key);
  if (!gtk_widget_get_sensitive (button))
    button = g_object_get_data (G_OBJECT (row), g_str_equal (key, "up") ? "down" : "up");
  gtk_widget_grab_focus (button);
}

/* Callbacks */

static void
kpi_metric_changed_cb (GtkWidget  *row,
                       GParamSpec *pspec,
                       SlKpi      *kpi)
{
  set_row_text (row, kpi);
}

static void
move_clicked_cb (GtkButton           *button,
                 SlPreferencesWindow *self)
{
  g_autofree char *metric = g_strdup (row_metric (GTK_WIDGET (button)));
  const char *key = gtk_widget_get_name (GTK_WIDGET (button));
  GError *error = NULL;

  if (metric == NULL)
    return;
  if (!sl_workspace_move_kpi (self->workspace, metric, g_str_equal (key, "up") ? -1 : 1, &error))
    {
      sl_preferences_window_show_error (self, error);
      return;
    }
  focus_button (self, metric, key);
}

static void
remove_clicked_cb (GtkButton           *button,
                   SlPreferencesWindow *self)
{
  g_autofree char *metric = g_strdup (row_metric (GTK_WIDGET (button)));
  GError *error = NULL;

  if (metric != NULL && !sl_workspace_remove_kpi (self->workspace, metric, &error))
    sl_preferences_window_show_error (self, error);
}

static GtkWidget *
create_kpi_row (gpointer item,
                gpointer user_data)
{
  SlPreferencesWindow *self = user_data;
  SlKpi *kpi = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *up = create_row_button ("go-up-symbolic", "up", _("Move Up"));
  GtkWidget *down = create_row_button ("go-down-symbolic", "down", _("Move Down"));
  GtkWidget *remove = create_row_button ("user-trash-symbolic", "remove", _("Remove From the Overview"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  set_row_text (row, kpi);
  g_signal_connect_object (kpi, "notify::metric", G_CALLBACK (kpi_metric_changed_cb), row, G_CONNECT_SWAPPED);

  g_signal_connect_object (up, "clicked", G_CALLBACK (move_clicked_cb), self, 0);
  g_signal_connect_object (down, "clicked", G_CALLBACK (move_clicked_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);
  return row;
}

static void
kpis_changed_cb (SlPreferencesWindow *self)
{
  SlKpiStore *kpis = sl_workspace_get_kpis (self->workspace);
  gboolean any_left = FALSE;

  update_move_buttons (self);

  /* The menu offers the metrics not on the list. */
  gtk_list_box_invalidate_filter (self->add_list);
  for (guint i = 0; i < SL_METRIC_N_METRICS && !any_left; i++)
    any_left = sl_kpi_store_lookup (kpis, sl_metric_to_string (i)) == NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), any_left);
}

/* The menu of metrics to add */

static gboolean
matches (const char *text,
         const char *folded_needle)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return strstr (folded, folded_needle) != NULL;
}

static gboolean
filter_metric_cb (GtkListBoxRow *row,
                  gpointer       user_data)
{
  SlPreferencesWindow *self = user_data;
  SlMetric metric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "metric"));
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->add_search)), -1);

  if (sl_kpi_store_lookup (sl_workspace_get_kpis (self->workspace), sl_metric_to_string (metric)) != NULL)
    return FALSE;
  return matches (sl_metric_get_label (metric), needle) ||
         matches (sl_metric_get_description (metric), needle);
}

static GtkWidget *
create_metric_row (SlMetric metric)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (sl_metric_get_label (metric));
  GtkWidget *description = gtk_label_new (sl_metric_get_description (metric));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 36);
  gtk_label_set_width_chars (GTK_LABEL (description), 28);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, description, NULL, -1);
  g_object_set_data (G_OBJECT (row), "metric", GINT_TO_POINTER (metric));
  return row;
}

static void
add_metric (SlPreferencesWindow *self,
            GtkListBoxRow       *row)
{
  SlMetric metric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "metric"));
  GError *error = NULL;
  GtkWidget *added;

  gtk_popover_popdown (self->add_popover);
  if (!sl_workspace_add_kpi (self->workspace, metric, &error))
    {
      sl_preferences_window_show_error (self, error);
      return;
    }
  added = find_row (self, sl_metric_to_string (metric));
  if (added != NULL)
    gtk_widget_grab_focus (added);
}

static void
add_row_activated_cb (SlPreferencesWindow *self,
                      GtkListBoxRow       *row,
                      GtkListBox          *list)
{
  add_metric (self, row);
}

static void
add_search_changed_cb (SlPreferencesWindow *self)
{
  gtk_list_box_invalidate_filter (self->add_list);
}

/* Enter adds the first metric shown. */
static void
add_search_activated_cb (SlPreferencesWindow *self)
{
  GtkListBoxRow *row;

  /* Enter may come before ::search-changed, which waits for typing to pause. */
  gtk_list_box_invalidate_filter (self->add_list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->add_list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      {
        add_metric (self, row);
        return;
      }
}

static void
add_popover_shown_cb (SlPreferencesWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_search), "");
  gtk_list_box_invalidate_filter (self->add_list);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_search));
}

static GtkWidget *
create_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

void
sl_preferences_window_kpis_init (SlPreferencesWindow *self)
{
  GListModel *kpis = G_LIST_MODEL (sl_workspace_get_kpis (self->workspace));

  gtk_list_box_set_placeholder (self->kpi_list,
                                create_placeholder (_("The Overview shows no metrics until you add some")));
  gtk_list_box_bind_model (self->kpi_list, kpis, create_kpi_row, self, NULL);

  for (guint i = 0; i < SL_METRIC_N_METRICS; i++)
    gtk_list_box_append (self->add_list, create_metric_row (i));
  gtk_list_box_set_placeholder (self->add_list, create_placeholder (_("No metric to add")));
  gtk_list_box_set_filter_func (self->add_list, filter_metric_cb, self, NULL);

  /* After the list box's own handler: the rows are there. */
  g_signal_connect_object (kpis, "items-changed", G_CALLBACK (kpis_changed_cb), self, G_CONNECT_SWAPPED);
  kpis_changed_cb (self);
}

void
sl_preferences_window_class_add_kpi_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, kpi_list);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, add_popover);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, add_search);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, add_list);
  gtk_widget_class_bind_template_callback (widget_class, add_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_popover_shown_cb);
}
