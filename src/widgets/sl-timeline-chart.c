/* sl-timeline-chart.c
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

#include "sl-chart-frame.h"
#include "sl-timeline-chart.h"

#define TOP_MARGIN 22     /* marker labels */
#define BOTTOM_MARGIN 24  /* month labels */
#define AXIS_GAP 8

typedef struct
{
  char     *label;
  double    plan;
  double    outlook;
  gboolean  over;
  char     *tooltip;
  char     *plan_text;     /* as the summary tells them; NULL: formatted */
  char     *outlook_text;
} Month;

typedef struct
{
  double  position;
  int     kind;
  char   *label;
} Marker;

struct _SlTimelineChart
{
  GtkWidget          parent_instance;

  GArray            *months;    /* Month */
  GArray            *markers;   /* Marker */
  guint              n_actual;
  int                focus_month;
  gboolean           summary_dirty;
  SlChartFormatFunc  format;
  gpointer           format_data;
  GDestroyNotify     format_destroy;

  /* Geometry, from the last allocation. */
  GArray            *ticks;     /* double */
  double             top;       /* the value at the plot's top */
  double             plot_x;
  double             plot_y;
  double             plot_width;
  double             plot_height;
};

G_DEFINE_FINAL_TYPE (SlTimelineChart, sl_timeline_chart, GTK_TYPE_WIDGET)

/* libadwaita's palette: blue 3, red 3, orange 4, purple 3, green 4, and dark-mode red 2. */
static const GdkRGBA plan_color = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 0.3 };
static const GdkRGBA over_light = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1 };
static const GdkRGBA over_dark = { 0xf6 / 255.0, 0x61 / 255.0, 0x51 / 255.0, 1 };
static const GdkRGBA marker_colors[] = {
  { 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0, 1 },
  { 0.5, 0.5, 0.5, 1 },
  { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0, 1 },
  { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1 },
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 },
};

static void
month_clear (gpointer data)
{
  Month *month = data;

  g_free (month->label);
  g_free (month->tooltip);
  g_free (month->plan_text);
  g_free (month->outlook_text);
}

static void
marker_clear (gpointer data)
{
  g_free (((Marker *)data)->label);
}

static Month *
get_month (SlTimelineChart *self,
           guint            i)
{
  g_return_val_if_fail (i < self->months->len, NULL);
  return &g_array_index (self->months, Month, i);
}

static gboolean
is_rtl (SlTimelineChart *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static char *
format_value (SlTimelineChart *self,
              double           value)
{
  if (self->format != NULL)
    return self->format (value, self->format_data);
  return g_strdup_printf ("%g", value);
}

/* Rounded ticks from 0 to the largest value, about four steps. */
static void
compute_ticks (SlTimelineChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->months->len; i++)
    max = MAX (max, MAX (get_month (self, i)->plan, get_month (self, i)->outlook));
  g_clear_pointer (&self->ticks, g_array_unref);
  self->ticks = sl_chart_nice_ticks (0, max, 4);
  self->top = g_array_index (self->ticks, double, self->ticks->len - 1);
}

static int
text_width (SlTimelineChart *self,
            const char      *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static char *
dup_value_text (SlTimelineChart *self,
                const char      *text,
                double           value)
{
  return text != NULL ? g_strdup (text) : format_value (self, value);
}

/* "series: highest …, lowest …" of the plan (@outlook FALSE) or the outlook. */
static void
append_series_summary (SlTimelineChart *self,
                       GString         *summary,
                       const char      *series,
                       gboolean         outlook)
{
  g_autofree char *high_text = NULL;
  g_autofree char *low_text = NULL;
  const Month *high = NULL, *low = NULL;

  for (guint i = 0; i < self->months->len; i++)
    {
      const Month *month = get_month (self, i);
      double value = outlook ? month->outlook : month->plan;

      if (high == NULL || value > (outlook ? high->outlook : high->plan))
        high = month;
      if (low == NULL || value < (outlook ? low->outlook : low->plan))
        low = month;
    }
  if (high != NULL)
    {
      high_text = dup_value_text (self, outlook ? high->outlook_text : high->plan_text,
                                  outlook ? high->outlook : high->plan);
      low_text = dup_value_text (self, outlook ? low->outlook_text : low->plan_text,
                                 outlook ? low->outlook : low->plan);
    }
  sl_chart_frame_append_summary (summary, series, high_text, high != NULL ? high->label : NULL,
                                 low_text, low != NULL ? low->label : NULL);
}

/* The accessible description: the plan's and the outlook's highs and
 * lows, and the months over plan. */
static void
update_summary (SlTimelineChart *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) over = g_string_new (NULL);

  self->summary_dirty = FALSE;
  if (self->months->len == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  append_series_summary (self, summary, C_("timeline chart", "Plan"), FALSE);
  append_series_summary (self, summary, C_("timeline chart", "Outlook"), TRUE);
  for (guint i = 0; i < self->months->len; i++)
    if (get_month (self, i)->over)
      /* Translators: the separator of a list of months, as in “Mar, Apr” */
      g_string_append_printf (over, "%s%s", over->len > 0 ? _(", ") : "", get_month (self, i)->label);
  if (over->len > 0)
    {
      g_string_append_c (summary, '\n');
      /* Translators: %s is a list of months, e.g. “Mar, Apr” */
      g_string_append_printf (summary, _("Over plan in %s"), over->str);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary->str, -1);
}

static void
sl_timeline_chart_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SlTimelineChart *self = SL_TIMELINE_CHART (widget);
  int axis = 0;

  compute_ticks (self);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      g_autofree char *text = format_value (self, g_array_index (self->ticks, double, i));

      axis = MAX (axis, text_width (self, text));
    }
  self->plot_width = MAX (1, width - axis - AXIS_GAP);
  self->plot_x = is_rtl (self) ? 0 : axis + AXIS_GAP;
  self->plot_y = TOP_MARGIN;
  self->plot_height = MAX (1, height - TOP_MARGIN - BOTTOM_MARGIN);
  if (self->summary_dirty)
    update_summary (self);
}

static void
sl_timeline_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 800;
    }
  else
    {
      *minimum = 180;
      *natural = 260;
    }
}

/* The x of the middle of month @i (or of a position in months). */
static double
x_at (SlTimelineChart *self,
      double           position)
{
  double slot = self->plot_width / MAX (1, self->months->len);
  double x = position * slot;

  return is_rtl (self) ? self->plot_x + self->plot_width - x : self->plot_x + x;
}

static double
y_at (SlTimelineChart *self,
      double           value)
{
  return self->plot_y + self->plot_height * (1 - value / self->top);
}

static void
plan_rect (SlTimelineChart *self,
           guint            i,
           graphene_rect_t *out)
{
  double slot = self->plot_width / MAX (1, self->months->len);
  double width = slot * 0.6;
  double x = x_at (self, i + 0.5) - width / 2;
  double y = y_at (self, get_month (self, i)->plan);

  graphene_rect_init (out, x, y, width, self->plot_y + self->plot_height - y);
}

static void
point_color (SlTimelineChart *self,
             guint            i,
             GdkRGBA         *out)
{
  if (get_month (self, i)->over)
    *out = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? over_dark : over_light;
  else
    gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), out);
}

static void
draw_text (SlTimelineChart *self,
           GtkSnapshot     *snapshot,
           const char      *text,
           double           x,
           double           y,
           double           xalign,
           const GdkRGBA   *color)
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
draw_axis (SlTimelineChart *self,
           GtkSnapshot     *snapshot,
           const GdkRGBA   *fg)
{
  GdkRGBA grid = *fg, dim = *fg;
  gboolean rtl = is_rtl (self);

  grid.alpha *= 0.12;
  dim.alpha *= 0.6;
  for (guint i = 0; i < self->ticks->len; i++)
    {
      double value = g_array_index (self->ticks, double, i);
      double y = y_at (self, value);
      g_autofree char *text = format_value (self, value);

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (self->plot_x, y, self->plot_width, 1));
      draw_text (self, snapshot, text,
                 rtl ? self->plot_x + self->plot_width + AXIS_GAP : self->plot_x - AXIS_GAP, y,
                 rtl ? 0.0 : 1.0, &dim);
    }
  /* Every month's label when they fit, else every second or third… */
  {
    double slot = self->plot_width / MAX (1, self->months->len);
    int widest = 0;
    guint every;

    for (guint i = 0; i < self->months->len; i++)
      widest = MAX (widest, text_width (self, get_month (self, i)->label));
    every = MAX (1, (guint)ceil ((widest + 6) / MAX (slot, 1)));
    for (guint i = 0; i < self->months->len; i += every)
      draw_text (self, snapshot, get_month (self, i)->label, x_at (self, i + 0.5),
                 self->plot_y + self->plot_height + BOTTOM_MARGIN / 2.0, 0.5, &dim);
  }
}

static void
draw_outlook (SlTimelineChart *self,
              GtkSnapshot     *snapshot,
              const GdkRGBA   *fg)
{
  cairo_t *cr;
  graphene_rect_t bounds;
  static const double dash[] = { 5, 4 };

  if (self->months->len == 0)
    return;
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)));
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Solid over the actuals, dashed from the last actual on. */
  for (guint i = 0; i + 1 < self->months->len; i++)
    {
      cairo_set_dash (cr, dash, i + 1 < self->n_actual ? 0 : G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x_at (self, i + 0.5), y_at (self, get_month (self, i)->outlook));
      cairo_line_to (cr, x_at (self, i + 1.5), y_at (self, get_month (self, i + 1)->outlook));
      cairo_stroke (cr);
    }
  for (guint i = 0; i < self->months->len; i++)
    {
      GdkRGBA color;

      point_color (self, i, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_arc (cr, x_at (self, i + 0.5), y_at (self, get_month (self, i)->outlook),
                 get_month (self, i)->over ? 5 : 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
draw_markers (SlTimelineChart *self,
              GtkSnapshot     *snapshot)
{
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, i);
      const GdkRGBA *color = &marker_colors[CLAMP (marker->kind, 0, (int)G_N_ELEMENTS (marker_colors) - 1)];
      double x = x_at (self, marker->position);
      GdkRGBA line = *color;

      line.alpha = 0.6;
      if (marker->kind == SL_TIMELINE_CHART_MARKER_NOTE)
        {
          GskRoundedRect dot;

          /* A dotted line and a dot on the axis, apart from the
           * calendar's marks at the top: what was said about the figures. */
          line.alpha = 0.45;
          for (double y = self->plot_y; y < self->plot_y + self->plot_height; y += 6)
            gtk_snapshot_append_color (snapshot, &line,
                                       &GRAPHENE_RECT_INIT (x, y, 1, MIN (3, self->plot_y + self->plot_height - y)));
          gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 4, self->plot_y + self->plot_height - 4, 9, 9),
                                           4.5);
          gtk_snapshot_push_rounded_clip (snapshot, &dot);
          gtk_snapshot_append_color (snapshot, color, &dot.bounds);
          gtk_snapshot_pop (snapshot);
          continue;
        }
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (x, self->plot_y, 1, self->plot_height));
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x - 3, self->plot_y - 6, 7, 7));
    }
}

static void
sl_timeline_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SlTimelineChart *self = SL_TIMELINE_CHART (widget);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  draw_axis (self, snapshot, &fg);
  for (guint i = 0; i < self->months->len; i++)
    {
      graphene_rect_t bar;

      plan_rect (self, i, &bar);
      gtk_snapshot_append_color (snapshot, &plan_color, &bar);
      if (gtk_widget_has_focus (widget) && (int)i == self->focus_month)
        {
          GdkRGBA focus = fg;

          focus.alpha = 0.08;
          gtk_snapshot_append_color (snapshot, &focus,
                                     &GRAPHENE_RECT_INIT (x_at (self, i + 0.5) - self->plot_width / self->months->len / 2,
                                                          self->plot_y, self->plot_width / self->months->len,
                                                          self->plot_height));
        }
    }
  draw_markers (self, snapshot);
  draw_outlook (self, snapshot, &fg);
}

static int
month_at (SlTimelineChart *self,
          double           x)
{
  double slot = self->plot_width / MAX (1, self->months->len);
  double offset = is_rtl (self) ? self->plot_x + self->plot_width - x : x - self->plot_x;
  int i = (int)floor (offset / slot);

  return i >= 0 && (guint)i < self->months->len ? i : -1;
}

static gboolean
sl_timeline_chart_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  SlTimelineChart *self = SL_TIMELINE_CHART (widget);
  int i = keyboard ? self->focus_month : month_at (self, x);
  GString *text;

  if (i < 0 || (guint)i >= self->months->len || get_month (self, i)->tooltip == NULL)
    return FALSE;
  text = g_string_new (get_month (self, i)->tooltip);
  /* The events of that month. */
  for (guint m = 0; m < self->markers->len; m++)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, m);

      if ((int)floor (marker->position) == i && marker->label != NULL)
        g_string_append_printf (text, "\n%s", marker->label);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);
  return TRUE;
}

static gboolean
move_focus (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  SlTimelineChart *self = SL_TIMELINE_CHART (widget);
  int delta = g_variant_get_int32 (args);

  if (self->months->len == 0)
    return FALSE;
  if (is_rtl (self))
    delta = -delta;
  self->focus_month = CLAMP (self->focus_month + delta, 0, (int)self->months->len - 1);
  if (get_month (self, self->focus_month)->tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    get_month (self, self->focus_month)->tooltip, -1);
  gtk_widget_trigger_tooltip_query (widget);
  gtk_widget_queue_draw (widget);
  return TRUE;
}

static void
style_dark_cb (SlTimelineChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sl_timeline_chart_finalize (GObject *object)
{
  SlTimelineChart *self = (SlTimelineChart *)object;

  g_array_unref (self->months);
  g_array_unref (self->markers);
  g_array_unref (self->ticks);
  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  G_OBJECT_CLASS (sl_timeline_chart_parent_class)->finalize (object);
}

static void
sl_timeline_chart_class_init (SlTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_timeline_chart_finalize;
  widget_class->measure = sl_timeline_chart_measure;
  widget_class->size_allocate = sl_timeline_chart_size_allocate;
  widget_class->snapshot = sl_timeline_chart_snapshot;
  widget_class->query_tooltip = sl_timeline_chart_query_tooltip;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, move_focus, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, move_focus, "i", 1);
  gtk_widget_class_set_css_name (widget_class, "timelinechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_timeline_chart_init (SlTimelineChart *self)
{
  self->months = g_array_new (FALSE, TRUE, sizeof (Month));
  g_array_set_clear_func (self->months, month_clear);
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (double));
  self->top = 1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sl_timeline_chart_new (void)
{
  return g_object_new (SL_TYPE_TIMELINE_CHART, NULL);
}

void
sl_timeline_chart_set_formatter (SlTimelineChart   *self,
                                 SlChartFormatFunc  func,
                                 gpointer           user_data,
                                 GDestroyNotify     destroy)
{
  g_return_if_fail (SL_IS_TIMELINE_CHART (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_timeline_chart_set_n_months (SlTimelineChart *self,
                                guint            n_months)
{
  g_return_if_fail (SL_IS_TIMELINE_CHART (self));

  g_array_set_size (self->months, 0);
  g_array_set_size (self->months, n_months);
  g_array_set_size (self->markers, 0);
  self->n_actual = 0;
  self->focus_month = 0;
  self->summary_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
sl_timeline_chart_get_n_months (SlTimelineChart *self)
{
  g_return_val_if_fail (SL_IS_TIMELINE_CHART (self), 0);
  return self->months->len;
}

void
sl_timeline_chart_set_month (SlTimelineChart *self,
                             guint            i,
                             const char      *label,
                             double           plan,
                             double           outlook,
                             gboolean         over,
                             const char      *tooltip)
{
  Month *month;

  g_return_if_fail (SL_IS_TIMELINE_CHART (self));
  g_return_if_fail (isfinite (plan) && isfinite (outlook));

  month = get_month (self, i);
  g_free (month->label);
  g_free (month->tooltip);
  month->label = g_strdup (label != NULL ? label : "");
  month->plan = MAX (plan, 0);
  month->outlook = MAX (outlook, 0);
  month->over = over;
  month->tooltip = g_strdup (tooltip);
  self->summary_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_timeline_chart_set_month_texts (SlTimelineChart *self,
                                   guint            i,
                                   const char      *plan_text,
                                   const char      *outlook_text)
{
  Month *month;

  g_return_if_fail (SL_IS_TIMELINE_CHART (self));

  month = get_month (self, i);
  g_free (month->plan_text);
  g_free (month->outlook_text);
  month->plan_text = g_strdup (plan_text);
  month->outlook_text = g_strdup (outlook_text);
  self->summary_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

char *
sl_timeline_chart_dup_month_text (SlTimelineChart *self,
                                  guint            i)
{
  const Month *month;
  g_autofree char *plan = NULL;
  g_autofree char *outlook = NULL;

  g_return_val_if_fail (SL_IS_TIMELINE_CHART (self), NULL);

  if (i >= self->months->len)
    return NULL;
  month = get_month (self, i);
  if (month->tooltip != NULL)
    return g_strdup (month->tooltip);
  plan = dup_value_text (self, month->plan_text, month->plan);
  outlook = dup_value_text (self, month->outlook_text, month->outlook);
  /* Translators: a month, its plan and its outlook */
  return g_strdup_printf (_("%s: plan %s, outlook %s"), month->label, plan, outlook);
}

void
sl_timeline_chart_set_n_actual (SlTimelineChart *self,
                                guint            n)
{
  g_return_if_fail (SL_IS_TIMELINE_CHART (self));

  self->n_actual = n;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sl_timeline_chart_add_marker (SlTimelineChart *self,
                              double           position,
                              int              kind,
                              const char      *label)
{
  Marker marker = { position, kind, g_strdup (label) };

  g_return_if_fail (SL_IS_TIMELINE_CHART (self));

  g_array_append_val (self->markers, marker);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sl_timeline_chart_get_n_markers (SlTimelineChart *self)
{
  g_return_val_if_fail (SL_IS_TIMELINE_CHART (self), 0);
  return self->markers->len;
}

gboolean
sl_timeline_chart_get_marker (SlTimelineChart  *self,
                              guint             index,
                              double           *position,
                              int              *kind,
                              const char      **label)
{
  const Marker *marker;

  g_return_val_if_fail (SL_IS_TIMELINE_CHART (self), FALSE);

  if (index >= self->markers->len)
    return FALSE;
  marker = &g_array_index (self->markers, Marker, index);
  if (position != NULL)
    *position = marker->position;
  if (kind != NULL)
    *kind = marker->kind;
  if (label != NULL)
    *label = marker->label;
  return TRUE;
}

gboolean
sl_timeline_chart_get_plan_bar (SlTimelineChart *self,
                                guint            month,
                                graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_TIMELINE_CHART (self), FALSE);

  if (month >= self->months->len)
    return FALSE;
  plan_rect (self, month, out);
  return TRUE;
}

gboolean
sl_timeline_chart_get_outlook_point (SlTimelineChart  *self,
                                     guint             month,
                                     graphene_point_t *out)
{
  g_return_val_if_fail (SL_IS_TIMELINE_CHART (self), FALSE);

  if (month >= self->months->len)
    return FALSE;
  out->x = x_at (self, month + 0.5);
  out->y = y_at (self, get_month (self, month)->outlook);
  return TRUE;
}

void
sl_timeline_chart_get_point_color (SlTimelineChart *self,
                                   guint            month,
                                   GdkRGBA         *out)
{
  g_return_if_fail (SL_IS_TIMELINE_CHART (self));
  point_color (self, month, out);
}

GArray *
sl_timeline_chart_get_ticks (SlTimelineChart *self)
{
  g_return_val_if_fail (SL_IS_TIMELINE_CHART (self), NULL);
  return g_array_ref (self->ticks);
}
