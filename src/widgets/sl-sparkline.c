/* sl-sparkline.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <math.h>

#include "sl-sparkline.h"

#define PAD 4.0

struct _SlSparkline
{
  GtkWidget  parent_instance;

  GArray    *values;   /* double */
  GArray    *defined;  /* gboolean */
};

G_DEFINE_FINAL_TYPE (SlSparkline, sl_sparkline, GTK_TYPE_WIDGET)

static void
range (SlSparkline *self,
       double      *min,
       double      *max)
{
  *min = G_MAXDOUBLE;
  *max = -G_MAXDOUBLE;
  for (guint i = 0; i < self->values->len; i++)
    if (g_array_index (self->defined, gboolean, i))
      {
        *min = MIN (*min, g_array_index (self->values, double, i));
        *max = MAX (*max, g_array_index (self->values, double, i));
      }
  if (*min > *max)
    *min = *max = 0;
  if (*max - *min < 1e-12)
    {
      *min -= 1;
      *max += 1;
    }
}

gboolean
sl_sparkline_get_point (SlSparkline      *self,
                        guint             i,
                        graphene_point_t *out)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double min, max, x;
  guint n;

  g_return_val_if_fail (SL_IS_SPARKLINE (self), FALSE);

  n = self->values->len;
  if (i >= n || !g_array_index (self->defined, gboolean, i))
    return FALSE;
  range (self, &min, &max);
  x = n > 1 ? PAD + (width - 2 * PAD) * i / (n - 1) : width / 2;
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = width - x;
  out->x = x;
  out->y = PAD + (height - 2 * PAD) * (1 - (g_array_index (self->values, double, i) - min) / (max - min));
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
sl_sparkline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SlSparkline *self = SL_SPARKLINE (widget);
  graphene_rect_t bounds;
  gboolean drawing = FALSE;
  GdkRGBA color;
  cairo_t *cr;

  if (self->values->len == 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->values->len; i++)
    {
      graphene_point_t p;

      /* An undefined value breaks the line. */
      if (!sl_sparkline_get_point (self, i, &p))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, p.x, p.y);
      else
        cairo_move_to (cr, p.x, p.y);
      drawing = TRUE;
    }
  cairo_stroke (cr);
  for (guint i = self->values->len; i-- > 0;)
    {
      graphene_point_t p;

      if (sl_sparkline_get_point (self, i, &p))
        {
          cairo_arc (cr, p.x, p.y, 3, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        }
    }
  cairo_destroy (cr);
}

static void
sl_sparkline_finalize (GObject *object)
{
  SlSparkline *self = (SlSparkline *)object;

  g_array_unref (self->values);
  g_array_unref (self->defined);

  G_OBJECT_CLASS (sl_sparkline_parent_class)->finalize (object);
}

static void
sl_sparkline_class_init (SlSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_sparkline_finalize;
  widget_class->measure = sl_sparkline_measure;
  widget_class->snapshot = sl_sparkline_snapshot;
  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_sparkline_init (SlSparkline *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->defined = g_array_new (FALSE, FALSE, sizeof (gboolean));
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

  g_array_set_size (self->values, 0);
  g_array_set_size (self->defined, 0);
  for (guint i = 0; i < n; i++)
    {
      gboolean ok = defined[i] && isfinite (values[i]);

      g_array_append_val (self->values, values[i]);
      g_array_append_val (self->defined, ok);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sl_sparkline_get_n_values (SlSparkline *self)
{
  g_return_val_if_fail (SL_IS_SPARKLINE (self), 0);
  return self->values->len;
}
