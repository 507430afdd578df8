/* sl-bar-chart.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sl-bar-chart.h"

#define LEGEND_HEIGHT 22
#define LABEL_HEIGHT 24
#define AXIS_GAP 8

typedef struct
{
  gboolean  defined;
  double    value;
  char     *text;   /* defined: the value for people; else the reason */
} Value;

struct _SlBarChart
{
  GtkWidget          parent_instance;

  guint              n_series;
  guint              n_categories;
  GPtrArray         *series_names;
  GPtrArray         *categories;
  Value             *values;    /* series × category */
  gboolean           stacked;
  SlChartFormatFunc  format;
  gpointer           format_data;
  GDestroyNotify     format_destroy;

  GArray            *ticks;
  double             plot_x, plot_y, plot_width, plot_height;
};

G_DEFINE_FINAL_TYPE (SlBarChart, sl_bar_chart, GTK_TYPE_WIDGET)

/* libadwaita's palette, 3rd shades: blue, green, yellow, orange, red, purple, brown. */
static const GdkRGBA palette[] = {
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 },
  { 0x33 / 255.0, 0xd1 / 255.0, 0x7a / 255.0, 1 },
  { 0xf6 / 255.0, 0xd3 / 255.0, 0x2d / 255.0, 1 },
  { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0, 1 },
  { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1 },
  { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0, 1 },
  { 0x98 / 255.0, 0x6a / 255.0, 0x44 / 255.0, 1 },
};

static Value *
value_at (SlBarChart *self,
          guint       series,
          guint       category)
{
  g_return_val_if_fail (series < self->n_series && category < self->n_categories, NULL);
  return &self->values[series * self->n_categories + category];
}

static void
clear_values (SlBarChart *self)
{
  for (guint i = 0; self->values != NULL && i < self->n_series * self->n_categories; i++)
    g_free (self->values[i].text);
  g_clear_pointer (&self->values, g_free);
}

static gboolean
is_rtl (SlBarChart *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static char *
format_value (SlBarChart *self,
              double      value)
{
  if (self->format != NULL)
    return self->format (value, self->format_data);
  return g_strdup_printf ("%g", value);
}

/* The range the axis covers: each bar, or each stack's positive and
 * negative sums. */
static void
value_range (SlBarChart *self,
             double     *min,
             double     *max)
{
  *min = *max = 0;
  for (guint c = 0; c < self->n_categories; c++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          const Value *v = value_at (self, s, c);

          if (!v->defined)
            continue;
          if (self->stacked)
            {
              if (v->value >= 0)
                up += v->value;
              else
                down += v->value;
            }
          else
            {
              up = MAX (up, v->value);
              down = MIN (down, v->value);
            }
        }
      *max = MAX (*max, up);
      *min = MIN (*min, down);
    }
}

static int
text_width (SlBarChart *self,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
sl_bar_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  double min, max;
  int axis = 0;

  value_range (self, &min, &max);
  g_clear_pointer (&self->ticks, g_array_unref);
  self->ticks = sl_chart_nice_ticks (min, max, 4);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      g_autofree char *text = format_value (self, g_array_index (self->ticks, double, i));

      axis = MAX (axis, text_width (self, text));
    }
  self->plot_width = MAX (1, width - axis - AXIS_GAP);
  self->plot_x = is_rtl (self) ? 0 : axis + AXIS_GAP;
  self->plot_y = self->n_series > 1 ? LEGEND_HEIGHT + 6 : 6;
  self->plot_height = MAX (1, height - self->plot_y - LABEL_HEIGHT);
}

static void
sl_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 240;
}

static double
y_at (SlBarChart *self,
      double      value)
{
  double low = g_array_index (self->ticks, double, 0);
  double high = g_array_index (self->ticks, double, self->ticks->len - 1);

  return self->plot_y + self->plot_height * (high - value) / (high - low);
}

/* The left edge of category @c's slot, mirrored right to left. */
static double
slot_x (SlBarChart *self,
        guint       c,
        double      offset,
        double      width)
{
  double slot = self->plot_width / MAX (1, self->n_categories);
  double x = c * slot + offset;

  return is_rtl (self) ? self->plot_x + self->plot_width - x - width : self->plot_x + x;
}

gboolean
sl_bar_chart_get_bar_area (SlBarChart      *self,
                           guint            series,
                           guint            category,
                           graphene_rect_t *out)
{
  double slot, width, base = 0, top;
  const Value *v;

  g_return_val_if_fail (SL_IS_BAR_CHART (self), FALSE);

  if (series >= self->n_series || category >= self->n_categories || self->ticks == NULL)
    return FALSE;
  v = value_at (self, series, category);
  if (!v->defined)
    return FALSE;
  slot = self->plot_width / MAX (1, self->n_categories);
  if (self->stacked)
    {
      for (guint s = 0; s < series; s++)
        {
          const Value *below = value_at (self, s, category);

          if (below->defined && (below->value >= 0) == (v->value >= 0))
            base += below->value;
        }
      width = slot * 0.6;
      top = base + v->value;
      graphene_rect_init (out, slot_x (self, category, (slot - width) / 2, width),
                          MIN (y_at (self, base), y_at (self, top)), width, fabs (y_at (self, top) - y_at (self, base)));
    }
  else
    {
      width = slot * 0.7 / self->n_series;
      graphene_rect_init (out, slot_x (self, category, slot * 0.15 + series * width, width),
                          MIN (y_at (self, 0), y_at (self, v->value)), width,
                          fabs (y_at (self, v->value) - y_at (self, 0)));
    }
  return TRUE;
}

double
sl_bar_chart_get_zero_y (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), 0);
  return self->ticks != NULL ? y_at (self, 0) : 0;
}

void
sl_bar_chart_get_series_color (SlBarChart *self,
                               guint       series,
                               GdkRGBA    *out)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  *out = palette[series % G_N_ELEMENTS (palette)];
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    out->alpha = 0.85;
}

static void
draw_text (SlBarChart    *self,
           GtkSnapshot   *snapshot,
           const char    *text,
           double         x,
           double         y,
           double         xalign,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - width * xalign, y - height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_legend (SlBarChart    *self,
             GtkSnapshot   *snapshot,
             const GdkRGBA *fg)
{
  double x = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->n_series < 2)
    return;
  for (guint s = 0; s < self->n_series; s++)
    {
      const char *name = self->series_names->pdata[s];
      double w = 14 + text_width (self, name) + 16;
      GdkRGBA color;

      sl_bar_chart_get_series_color (self, s, &color);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (is_rtl (self) ? width - x - 10 : x, LEGEND_HEIGHT / 2.0 - 5, 10, 10));
      draw_text (self, snapshot, name, is_rtl (self) ? width - x - 14 : x + 14, LEGEND_HEIGHT / 2.0,
                 is_rtl (self) ? 1.0 : 0.0, fg);
      x += w;
    }
}

static void
sl_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  GdkRGBA fg, dim, grid;
  double slot;

  if (self->ticks == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = grid = fg;
  dim.alpha *= 0.6;
  grid.alpha *= 0.12;
  for (guint i = 0; i < self->ticks->len; i++)
    {
      double value = g_array_index (self->ticks, double, i);
      g_autofree char *text = format_value (self, value);
      double y = y_at (self, value);

      gtk_snapshot_append_color (snapshot, value == 0 ? &dim : &grid,
                                 &GRAPHENE_RECT_INIT (self->plot_x, y, self->plot_width, 1));
      draw_text (self, snapshot, text,
                 is_rtl (self) ? self->plot_x + self->plot_width + AXIS_GAP : self->plot_x - AXIS_GAP, y,
                 is_rtl (self) ? 0.0 : 1.0, &dim);
    }
  slot = self->plot_width / MAX (1, self->n_categories);
  for (guint c = 0; c < self->n_categories; c++)
    {
      for (guint s = 0; s < self->n_series; s++)
        {
          graphene_rect_t bar;
          GdkRGBA color;

          if (!sl_bar_chart_get_bar_area (self, s, c, &bar))
            continue;
          sl_bar_chart_get_series_color (self, s, &color);
          gtk_snapshot_append_color (snapshot, &color, &bar);
        }
      draw_text (self, snapshot, self->categories->pdata[c], slot_x (self, c, slot / 2, 0),
                 self->plot_y + self->plot_height + LABEL_HEIGHT / 2.0, 0.5, &dim);
    }
  draw_legend (self, snapshot, &fg);
}

char *
sl_bar_chart_dup_tooltip (SlBarChart *self,
                          guint       series,
                          guint       category)
{
  const Value *v;

  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);

  v = value_at (self, series, category);
  if (!v->defined)
    /* Translators: a category (e.g. a month), a series (e.g. a channel), and why it has no value */
    return g_strdup_printf (_("%s, %s: — (%s)"), (char *)self->categories->pdata[category],
                            (char *)self->series_names->pdata[series], v->text);
  /* Translators: a category (e.g. a month), a series (e.g. a channel), and its value */
  return g_strdup_printf (_("%s, %s: %s"), (char *)self->categories->pdata[category],
                          (char *)self->series_names->pdata[series], v->text);
}

static gboolean
sl_bar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  GString *text;
  double slot = self->plot_width / MAX (1, self->n_categories);
  double offset = is_rtl (self) ? self->plot_x + self->plot_width - x : x - self->plot_x;
  int c = (int)floor (offset / MAX (slot, 1));

  if (keyboard || c < 0 || (guint)c >= self->n_categories)
    return FALSE;
  text = g_string_new (NULL);
  for (guint s = 0; s < self->n_series; s++)
    {
      g_autofree char *line = sl_bar_chart_dup_tooltip (self, s, c);

      g_string_append_printf (text, "%s%s", s > 0 ? "\n" : "", line);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);
  return TRUE;
}

static void
style_dark_cb (SlBarChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sl_bar_chart_finalize (GObject *object)
{
  SlBarChart *self = (SlBarChart *)object;

  clear_values (self);
  g_ptr_array_unref (self->series_names);
  g_ptr_array_unref (self->categories);
  g_clear_pointer (&self->ticks, g_array_unref);
  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  G_OBJECT_CLASS (sl_bar_chart_parent_class)->finalize (object);
}

static void
sl_bar_chart_class_init (SlBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_bar_chart_finalize;
  widget_class->measure = sl_bar_chart_measure;
  widget_class->size_allocate = sl_bar_chart_size_allocate;
  widget_class->snapshot = sl_bar_chart_snapshot;
  widget_class->query_tooltip = sl_bar_chart_query_tooltip;
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_bar_chart_init (SlBarChart *self)
{
  self->series_names = g_ptr_array_new_with_free_func (g_free);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sl_bar_chart_new (void)
{
  return g_object_new (SL_TYPE_BAR_CHART, NULL);
}

void
sl_bar_chart_set_formatter (SlBarChart        *self,
                            SlChartFormatFunc  func,
                            gpointer           user_data,
                            GDestroyNotify     destroy)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_bar_chart_set_stacked (SlBarChart *self,
                          gboolean    stacked)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  self->stacked = !!stacked;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_bar_chart_set_size (SlBarChart *self,
                       guint       n_series,
                       guint       n_categories)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  clear_values (self);
  self->n_series = n_series;
  self->n_categories = n_categories;
  self->values = g_new0 (Value, (gsize)n_series * n_categories);
  g_ptr_array_set_size (self->series_names, 0);
  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; i < n_series; i++)
    g_ptr_array_add (self->series_names, g_strdup (""));
  for (guint i = 0; i < n_categories; i++)
    g_ptr_array_add (self->categories, g_strdup (""));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_bar_chart_set_series_name (SlBarChart *self,
                              guint       series,
                              const char *name)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (series < self->n_series);

  g_free (self->series_names->pdata[series]);
  self->series_names->pdata[series] = g_strdup (name != NULL ? name : "");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sl_bar_chart_set_category (SlBarChart *self,
                           guint       category,
                           const char *label)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (category < self->n_categories);

  g_free (self->categories->pdata[category]);
  self->categories->pdata[category] = g_strdup (label != NULL ? label : "");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sl_bar_chart_set_value (SlBarChart *self,
                        guint       series,
                        guint       category,
                        double      value,
                        const char *text)
{
  Value *v;

  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (isfinite (value));

  v = value_at (self, series, category);
  v->defined = TRUE;
  v->value = value;
  g_free (v->text);
  v->text = g_strdup (text != NULL ? text : "");
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_bar_chart_set_undefined (SlBarChart *self,
                            guint       series,
                            guint       category,
                            const char *reason)
{
  Value *v;

  g_return_if_fail (SL_IS_BAR_CHART (self));

  v = value_at (self, series, category);
  v->defined = FALSE;
  v->value = 0;
  g_free (v->text);
  v->text = g_strdup (reason != NULL ? reason : "");
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
