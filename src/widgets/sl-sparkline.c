/* sl-sparkline.c
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
#include "sl-chart-palette.h"
#include "sl-sparkline.h"

#define PAD 5.0   /* room for the emphasised point's ring */

typedef struct
{
  gboolean  defined;
  double    value;
  char     *label;
  char     *text;   /* defined: the value for people; else the reason */
} Point;

struct _SlSparkline
{
  GtkWidget  parent_instance;

  GArray    *points;     /* Point */
  guint      focus;

  /* Geometry, from the last allocation (or data change). */
  GArray    *positions;  /* graphene_point_t */
};

G_DEFINE_FINAL_TYPE (SlSparkline, sl_sparkline, GTK_TYPE_WIDGET)

static void
point_clear (gpointer data)
{
  Point *point = data;

  g_free (point->label);
  g_free (point->text);
}

static Point *
get (SlSparkline *self,
     guint        i)
{
  return &g_array_index (self->points, Point, i);
}

static void
range (SlSparkline *self,
       double      *min,
       double      *max)
{
  *min = G_MAXDOUBLE;
  *max = -G_MAXDOUBLE;
  for (guint i = 0; i < self->points->len; i++)
    if (get (self, i)->defined)
      {
        *min = MIN (*min, get (self, i)->value);
        *max = MAX (*max, get (self, i)->value);
      }
  if (*min > *max)
    *min = *max = 0;
  if (*max - *min < 1e-12)
    {
      *min -= 1;
      *max += 1;
    }
}

/* Where the points go in @width × @height, mirrored right to left. */
static void
place_points (SlSparkline *self,
              int          width,
              int          height)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  guint n = self->points->len;
  double min, max;

  range (self, &min, &max);
  g_array_set_size (self->positions, n);
  for (guint i = 0; i < n; i++)
    {
      graphene_point_t *p = &g_array_index (self->positions, graphene_point_t, i);
      double x = n > 1 ? PAD + (width - 2 * PAD) * i / (n - 1) : width / 2.0;

      p->x = rtl ? width - x : x;
      p->y = PAD + (height - 2 * PAD) * (1 - (get (self, i)->value - min) / (max - min));
    }
}

static void
relayout (SlSparkline *self)
{
  place_points (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
sl_sparkline_get_point (SlSparkline      *self,
                        guint             i,
                        graphene_point_t *out)
{
  g_return_val_if_fail (SL_IS_SPARKLINE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (i >= self->points->len || i >= self->positions->len || !get (self, i)->defined)
    return FALSE;
  *out = g_array_index (self->positions, graphene_point_t, i);
  return TRUE;
}

static void
sl_sparkline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 60 : 24;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 36;
}

static void
sl_sparkline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  place_points (SL_SPARKLINE (widget), width, height);
}

static void
sl_sparkline_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (sl_sparkline_parent_class)->direction_changed (widget, previous);
  relayout (SL_SPARKLINE (widget));
}

/* The line, broken where a value is undefined; a lone point between
 * gaps as a dot. */
static void
stroke_line (SlSparkline *self,
             cairo_t     *cr)
{
  gboolean drawing = FALSE;

  for (guint i = 0; i < self->points->len; i++)
    {
      graphene_point_t p;

      if (!sl_sparkline_get_point (self, i, &p))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, p.x, p.y);
      else
        {
          cairo_new_sub_path (cr);
          if (i + 1 >= self->points->len || !get (self, i + 1)->defined)
            cairo_arc (cr, p.x, p.y, 0.75, 0, 2 * G_PI);
          cairo_move_to (cr, p.x, p.y);
        }
      drawing = TRUE;
    }
  cairo_stroke (cr);
}

static void
sl_sparkline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SlSparkline *self = SL_SPARKLINE (widget);
  graphene_rect_t bounds;
  graphene_point_t p;
  GdkRGBA color;
  cairo_t *cr;

  if (self->points->len == 0 || self->positions->len != self->points->len)
    return;
  sl_chart_palette_series (0, sl_chart_palette_is_dark (), &color);
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  stroke_line (self, cr);
  /* The last value, emphasised. */
  for (guint i = self->points->len; i-- > 0;)
    if (sl_sparkline_get_point (self, i, &p))
      {
        cairo_arc (cr, p.x, p.y, 3, 0, 2 * G_PI);
        cairo_fill (cr);
        break;
      }
  /* The focused one ringed, or a hairline where an undefined one is. */
  if (gtk_widget_has_visible_focus (widget) && self->focus < self->positions->len)
    {
      p = g_array_index (self->positions, graphene_point_t, self->focus);
      sl_chart_palette_accent (widget, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, get (self, self->focus)->defined ? 2 : 1);
      if (get (self, self->focus)->defined)
        cairo_arc (cr, p.x, p.y, 4.5, 0, 2 * G_PI);
      else
        {
          cairo_move_to (cr, round (p.x) + 0.5, 0);
          cairo_line_to (cr, round (p.x) + 0.5, bounds.size.height);
        }
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

char *
sl_sparkline_dup_point_text (SlSparkline *self,
                             guint        i)
{
  const Point *point;

  g_return_val_if_fail (SL_IS_SPARKLINE (self), NULL);

  if (i >= self->points->len || get (self, i)->text == NULL)
    return NULL;
  point = get (self, i);
  if (!point->defined)
    /* Translators: a point of a trend line (e.g. a month) that has no value, and why */
    return g_strdup_printf (_("%s: — (%s)"), point->label, point->text);
  /* Translators: a point of a trend line (e.g. a month) and its value */
  return g_strdup_printf (_("%s: %s"), point->label, point->text);
}

/* The nearest point to @x. */
static int
point_near (SlSparkline *self,
            double       x)
{
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < self->positions->len; i++)
    {
      double distance = fabs (g_array_index (self->positions, graphene_point_t, i).x - x);

      if (distance < best_distance)
        best = i, best_distance = distance;
    }
  return best;
}

static gboolean
sl_sparkline_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  SlSparkline *self = SL_SPARKLINE (widget);
  int i = keyboard ? (int)self->focus : point_near (self, x);
  g_autofree char *text = i >= 0 ? sl_sparkline_dup_point_text (self, i) : NULL;
  double px;

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  px = g_array_index (self->positions, graphene_point_t, i).x;
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int)px - 2, 0, 5, gtk_widget_get_height (widget) });
  return TRUE;
}

static void
update_summary (SlSparkline *self)
{
  int first = -1, last = -1;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->points->len; i++)
    if (get (self, i)->defined && get (self, i)->text != NULL)
      {
        if (first < 0)
          first = i;
        last = i;
      }
  if (first >= 0)
    /* Translators: a trend line's first value and its point (e.g. a
     * month), then its last value and point */
    text = g_strdup_printf (_("From %s (%s) to %s (%s)"), get (self, first)->text, get (self, first)->label,
                            get (self, last)->text, get (self, last)->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "", -1);
}

void
sl_sparkline_set_focus_point (SlSparkline *self,
                              guint        i)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SL_IS_SPARKLINE (self));

  if (i >= self->points->len)
    return;
  self->focus = i;
  text = sl_sparkline_dup_point_text (self, i);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sl_sparkline_get_focus_point (SlSparkline *self)
{
  g_return_val_if_fail (SL_IS_SPARKLINE (self), 0);
  return self->focus;
}

static void
move_focus (GtkWidget  *widget,
            const char *action_name,
            GVariant   *args)
{
  SlSparkline *self = SL_SPARKLINE (widget);
  int delta = g_variant_get_int32 (args);
  gint64 next;

  if (self->points->len == 0)
    return;
  if (delta == G_MININT || delta == G_MAXINT)
    next = delta == G_MININT ? 0 : (gint64)self->points->len - 1;
  else
    next = (gint64)self->focus + (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? -delta : delta);
  sl_sparkline_set_focus_point (self, (guint)CLAMP (next, 0, (gint64)self->points->len - 1));
}

static void
sl_sparkline_state_flags_changed (GtkWidget     *widget,
                                  GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (sl_sparkline_parent_class)->state_flags_changed (widget, previous);
  if ((previous ^ gtk_widget_get_state_flags (widget)) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
style_dark_cb (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
}

static void
sl_sparkline_finalize (GObject *object)
{
  SlSparkline *self = (SlSparkline *)object;

  g_array_unref (self->points);
  g_array_unref (self->positions);

  G_OBJECT_CLASS (sl_sparkline_parent_class)->finalize (object);
}

static void
sl_sparkline_class_init (SlSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_sparkline_finalize;
  widget_class->measure = sl_sparkline_measure;
  widget_class->size_allocate = sl_sparkline_size_allocate;
  widget_class->snapshot = sl_sparkline_snapshot;
  widget_class->query_tooltip = sl_sparkline_query_tooltip;
  widget_class->direction_changed = sl_sparkline_direction_changed;
  widget_class->state_flags_changed = sl_sparkline_state_flags_changed;
  sl_chart_frame_install_focus_action (widget_class, move_focus);
  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_sparkline_init (SlSparkline *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, point_clear);
  self->positions = g_array_new (FALSE, TRUE, sizeof (graphene_point_t));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* Translators: what a screen reader calls a small trend line (e.g. on a KPI card) */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trend"), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sl_sparkline_new (void)
{
  return g_object_new (SL_TYPE_SPARKLINE, NULL);
}

void
sl_sparkline_set_values (SlSparkline    *self,
                         const double   *values,
                         const gboolean *defined,
                         guint           n)
{
  g_return_if_fail (SL_IS_SPARKLINE (self));
  g_return_if_fail (n == 0 || (values != NULL && defined != NULL));

  g_array_set_size (self->points, 0);
  g_array_set_size (self->points, n);
  for (guint i = 0; i < n; i++)
    {
      get (self, i)->defined = defined[i] && isfinite (values[i]);
      get (self, i)->value = get (self, i)->defined ? values[i] : 0;
    }
  self->focus = n > 0 ? n - 1 : 0;
  update_summary (self);
  relayout (self);
}

guint
sl_sparkline_get_n_values (SlSparkline *self)
{
  g_return_val_if_fail (SL_IS_SPARKLINE (self), 0);
  return self->points->len;
}

void
sl_sparkline_set_point_text (SlSparkline *self,
                             guint        i,
                             const char  *label,
                             const char  *text)
{
  Point *point;

  g_return_if_fail (SL_IS_SPARKLINE (self));
  g_return_if_fail (i < self->points->len);

  point = get (self, i);
  g_free (point->label);
  g_free (point->text);
  point->label = g_strdup (label != NULL ? label : "");
  point->text = g_strdup (text != NULL ? text : "");
  update_summary (self);
}
