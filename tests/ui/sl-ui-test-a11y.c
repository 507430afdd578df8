/* sl-ui-test-a11y.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sl-bar-chart.h"
#include "sl-funnel-chart.h"
#include "sl-heat-map.h"
#include "sl-kpi-card.h"
#include "sl-line-chart.h"
#include "sl-sparkline.h"
#include "sl-timeline-chart.h"
#include "sl-ui-test-a11y.h"

/* Reading the test AT context. */

/* The value of @property as text: gtk_test_accessible_check_property()
 * returns it when it differs from the (impossible) value asked. */
static char *
dup_property (GtkWidget             *widget,
              GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
}

char *
sl_ui_test_a11y_dup_name (GtkWidget *widget)
{
  char *label = dup_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL);

  if (label != NULL && g_strstrip (label)[0] != '\0')
    return label;
  g_free (label);
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return g_strdup ("");
  return NULL;
}

char *
sl_ui_test_a11y_dup_description (GtkWidget *widget)
{
  return dup_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Which widgets need a name. */

static gboolean
is_chart (GtkWidget *widget)
{
  return SL_IS_BAR_CHART (widget) || SL_IS_LINE_CHART (widget) || SL_IS_FUNNEL_CHART (widget) ||
         SL_IS_HEAT_MAP (widget) || SL_IS_SPARKLINE (widget) || SL_IS_TIMELINE_CHART (widget) ||
         SL_IS_KPI_CARD (widget);
}

/* Controls made of parts: the whole is named, not its inner button or
 * text (GTK and libadwaita give those no name of their own). */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || ADW_IS_SPLIT_BUTTON (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || ADW_IS_ENTRY_ROW (widget) || GTK_IS_COLOR_BUTTON (widget) ||
         GTK_IS_FONT_BUTTON (widget) || GTK_IS_SCALE_BUTTON (widget);
}

/* An inner part of a composite control: its text, its buttons. */
static gboolean
is_part (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* A column view's rows are its inner list view's. */
  if (GTK_IS_LIST_VIEW (widget) && GTK_IS_COLUMN_VIEW (parent))
    return TRUE;
  /* A drop-down's list, in its popover. */
  if (GTK_IS_LIST_VIEW (widget) &&
      (gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL ||
       gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL))
    return TRUE;
  for (guint depth = 0; parent != NULL && depth < 4; depth++, parent = gtk_widget_get_parent (parent))
    if (is_composite (parent))
      return GTK_IS_TEXT (widget) || (GTK_IS_BUTTON (widget) && !ADW_IS_ENTRY_ROW (parent));
  return FALSE;
}

static gboolean
is_activatable_row (GtkWidget *widget)
{
  GtkWidget *list = gtk_widget_get_parent (widget);

  if (!GTK_IS_LIST_BOX_ROW (widget) || ADW_IS_EXPANDER_ROW (widget))
    return FALSE;
  if (ADW_IS_ENTRY_ROW (widget))
    return TRUE;
  if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)))
    return TRUE;
  return gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (widget)) && GTK_IS_LIST_BOX (list) &&
         gtk_list_box_get_selection_mode (GTK_LIST_BOX (list)) != GTK_SELECTION_NONE;
}

static gboolean
needs_name (GtkWidget *widget)
{
  if (is_part (widget))
    return FALSE;
  if (is_composite (widget) || is_activatable_row (widget) || is_chart (widget))
    return TRUE;
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget));
  if (GTK_IS_COLUMN_VIEW (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget))
    return TRUE;
  if (!gtk_widget_get_focusable (widget))
    return FALSE;
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_TEXT (widget) || GTK_IS_RANGE (widget) || GTK_IS_EDITABLE (widget);
}

/* Charts: the description tells the data. */

/* The numbers of @text ("$1,200.50", "12 %"): runs of digits with the
 * separators inside them. */
static GPtrArray *
find_numbers (const char *text)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      start = p;
      while (g_ascii_isdigit (*p) || ((*p == ',' || *p == '.') && g_ascii_isdigit (p[1])))
        p++;
      g_ptr_array_add (numbers, g_strndup (start, p - start));
    }
  return numbers;
}

static void
append_owned (GString *data,
              char    *text)
{
  if (text != NULL)
    g_string_append_printf (data, "%s\n", text);
  g_free (text);
}

/* What the chart shows: the texts of its points, as a keyboard user
 * reads them one by one. */
static char *
dup_chart_data (GtkWidget *widget)
{
  GString *data = g_string_new (NULL);

  if (SL_IS_BAR_CHART (widget))
    for (guint c = 0; c < sl_bar_chart_get_n_categories (SL_BAR_CHART (widget)); c++)
      append_owned (data, sl_bar_chart_dup_category_text (SL_BAR_CHART (widget), c));
  else if (SL_IS_LINE_CHART (widget))
    for (guint i = 0; i < sl_line_chart_get_n_points (SL_LINE_CHART (widget)); i++)
      append_owned (data, sl_line_chart_dup_point_text (SL_LINE_CHART (widget), i));
  else if (SL_IS_FUNNEL_CHART (widget))
    for (guint i = 0; i < sl_funnel_chart_get_n_stages (SL_FUNNEL_CHART (widget)); i++)
      {
        append_owned (data, sl_funnel_chart_dup_stage_tooltip (SL_FUNNEL_CHART (widget), i));
        if (i + 1 < sl_funnel_chart_get_n_stages (SL_FUNNEL_CHART (widget)))
          append_owned (data, sl_funnel_chart_dup_step_tooltip (SL_FUNNEL_CHART (widget), i));
      }
  else if (SL_IS_HEAT_MAP (widget))
    for (guint r = 0; r < sl_heat_map_get_n_rows (SL_HEAT_MAP (widget)); r++)
      for (guint c = 0; c < sl_heat_map_get_n_columns (SL_HEAT_MAP (widget)); c++)
        append_owned (data, sl_heat_map_dup_cell_tooltip (SL_HEAT_MAP (widget), r, c));
  else if (SL_IS_SPARKLINE (widget))
    for (guint i = 0; i < sl_sparkline_get_n_values (SL_SPARKLINE (widget)); i++)
      append_owned (data, sl_sparkline_dup_point_text (SL_SPARKLINE (widget), i));
  else if (SL_IS_TIMELINE_CHART (widget))
    for (guint i = 0; i < sl_timeline_chart_get_n_months (SL_TIMELINE_CHART (widget)); i++)
      append_owned (data, sl_timeline_chart_dup_month_text (SL_TIMELINE_CHART (widget), i));
  else if (SL_IS_KPI_CARD (widget))
    {
      append_owned (data, g_strdup (sl_kpi_card_get_value_text (SL_KPI_CARD (widget))));
      append_owned (data, g_strdup (sl_kpi_card_get_change_text (SL_KPI_CARD (widget))));
      append_owned (data, g_strdup (sl_kpi_card_get_goal_text (SL_KPI_CARD (widget))));
    }
  return g_string_free (data, FALSE);
}

/* A chart's description must tell some of the values its points show:
 * a summary of the data, not a caption. */
static void
check_chart (GtkWidget  *widget,
             const char *where,
             GString    *gaps)
{
  g_autofree char *description = sl_ui_test_a11y_dup_description (widget);
  g_autofree char *data = dup_chart_data (widget);
  g_autoptr(GPtrArray) numbers = NULL;

  if (data[0] == '\0')
    return;  /* nothing to tell yet */
  if (description == NULL || description[0] == '\0')
    {
      g_string_append_printf (gaps, "%s: %s has no description of its data\n", where, G_OBJECT_TYPE_NAME (widget));
      return;
    }
  numbers = find_numbers (description);
  for (guint i = 0; i < numbers->len; i++)
    if (strstr (data, numbers->pdata[i]) != NULL)
      {
        g_test_message ("%s: %s “%s”", where, G_OBJECT_TYPE_NAME (widget), description);
        return;
      }
  g_string_append_printf (gaps, "%s: %s tells none of the values it shows: “%s”\n", where,
                          G_OBJECT_TYPE_NAME (widget), description);
}

/* The walk. */

/* Something to find the widget by in a report. */
static char *
describe (GtkWidget *widget)
{
  GString *text = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *name = gtk_widget_get_name (widget);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  GtkWidget *ancestor;

  if (name != NULL && !g_str_equal (name, G_OBJECT_TYPE_NAME (widget)))
    g_string_append_printf (text, " #%s", name);
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (text, " icon=%s", gtk_button_get_icon_name (GTK_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL)
    g_string_append_printf (text, " icon=%s", gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)));
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    g_string_append_printf (text, " action=%s", gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)));
  if (tooltip != NULL)
    g_string_append_printf (text, " tooltip=“%s”", tooltip);
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL && labels->len == 0;
           w = gtk_widget_get_first_child (w) != NULL ? gtk_widget_get_first_child (w) : gtk_widget_get_next_sibling (w))
        if (GTK_IS_LABEL (w))
          g_ptr_array_add (labels, w);
      if (labels->len > 0)
        g_string_append_printf (text, " text=“%s”", gtk_label_get_text (labels->pdata[0]));
    }
  /* The nearest ancestor of our own, or with a name. */
  for (ancestor = gtk_widget_get_parent (widget); ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (ancestor), "Sl"))
      {
        g_string_append_printf (text, " in %s", G_OBJECT_TYPE_NAME (ancestor));
        break;
      }
  return g_string_free (text, FALSE);
}

static guint
audit (GtkWidget  *widget,
       const char *where,
       GString    *gaps)
{
  guint checked = 0;

  /* Popovers are checked shown or not: they show on a key too. */
  if (!gtk_widget_get_visible (widget) && !GTK_IS_POPOVER (widget))
    return 0;
  if (needs_name (widget))
    {
      g_autofree char *name = sl_ui_test_a11y_dup_name (widget);

      checked++;
      if (name == NULL)
        {
          g_autofree char *what = describe (widget);

          g_string_append_printf (gaps, "%s: %s has no accessible name\n", where, what);
        }
      if (is_chart (widget))
        check_chart (widget, where, gaps);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += audit (child, where, gaps);
  return checked;
}

guint
sl_ui_test_a11y_audit (GtkWidget  *root,
                       const char *where,
                       GString    *gaps)
{
  return audit (root, where, gaps);
}
