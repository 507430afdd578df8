/* sl-funnel-chart.c
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

#include "sl-funnel-chart.h"

#define BAR_HEIGHT 36
#define STEP_HEIGHT 24
#define MIN_BAR_WIDTH 4.0

typedef struct
{
  char     *name;
  double    volume;
  char     *volume_text;
  char     *step_text;     /* to the next stage */
  char     *step_tooltip;
  gboolean  leaking;
} Stage;

struct _SlFunnelChart
{
  GtkWidget  parent_instance;

  GArray    *stages;       /* Stage */
  int        focus_stage;
};

G_DEFINE_FINAL_TYPE (SlFunnelChart, sl_funnel_chart, GTK_TYPE_WIDGET)

/* libadwaita's blue 3 and orange 5 / orange 2, light and dark. */
static const GdkRGBA bar_color = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 0.35 };
static const GdkRGBA warning_light = { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0, 1 };
static const GdkRGBA warning_dark = { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0, 1 };

static void
stage_clear (gpointer data)
{
  Stage *stage = data;

  g_free (stage->name);
  g_free (stage->volume_text);
  g_free (stage->step_text);
  g_free (stage->step_tooltip);
}

static Stage *
get_stage (SlFunnelChart *self,
           guint          i)
{
  g_return_val_if_fail (i < self->stages->len, NULL);
  return &g_array_index (self->stages, Stage, i);
}

static double
max_volume (SlFunnelChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->stages->len; i++)
    max = MAX (max, get_stage (self, i)->volume);
  return max;
}

static void
stage_rect (SlFunnelChart   *self,
            guint            i,
            graphene_rect_t *out)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double max = max_volume (self);
  double bar = max > 0 ? MAX (MIN_BAR_WIDTH, width * get_stage (self, i)->volume / max) : MIN_BAR_WIDTH;

  /* Centred, so the funnel is its own mirror right to left. */
  graphene_rect_init (out, (width - bar) / 2, i * (BAR_HEIGHT + STEP_HEIGHT), bar, BAR_HEIGHT);
}

static void
sl_funnel_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SlFunnelChart *self = SL_FUNNEL_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    *minimum = *natural = self->stages->len > 0
                          ? self->stages->len * (BAR_HEIGHT + STEP_HEIGHT) - STEP_HEIGHT : 0;
}

static void
draw_centered (SlFunnelChart *self,
               GtkSnapshot   *snapshot,
               const char    *text,
               double         y,
               double         height,
               const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  PangoRectangle logical;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  /* Pango aligns the line within the width itself (right to left, to the
   * right): centre its logical box. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - logical.width) / 2.0 - logical.x,
                                                          y + (height - logical.height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
sl_funnel_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SlFunnelChart *self = SL_FUNNEL_CHART (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg, dim;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha *= 0.6;

  for (guint i = 0; i < self->stages->len; i++)
    {
      const Stage *stage = get_stage (self, i);
      g_autofree char *label = NULL;
      graphene_rect_t bar;
      GskRoundedRect rounded;

      stage_rect (self, i, &bar);
      gsk_rounded_rect_init_from_rect (&rounded, &bar, 6);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &bar_color, &bar);
      gtk_snapshot_pop (snapshot);
      if (gtk_widget_has_focus (widget) && (int)i == self->focus_stage)
        {
          float w[4] = { 2, 2, 2, 2 };
          GdkRGBA accent = bar_color, colors[4];

          accent.alpha = 1;
          colors[0] = colors[1] = colors[2] = colors[3] = accent;
          gtk_snapshot_append_border (snapshot, &rounded, w, colors);
        }
      /* Translators: a funnel stage and its volume, e.g. “Leads: 5,453” */
      label = g_strdup_printf (_("%s: %s"), stage->name, stage->volume_text);
      draw_centered (self, snapshot, label, bar.origin.y, BAR_HEIGHT, &fg);
      if (i + 1 < self->stages->len && stage->step_text != NULL)
        draw_centered (self, snapshot, stage->step_text, bar.origin.y + BAR_HEIGHT, STEP_HEIGHT,
                       stage->leaking ? (dark ? &warning_dark : &warning_light) : &dim);
    }
}

static int
stage_at (SlFunnelChart *self,
          double         y)
{
  int i = (int)floor (y / (BAR_HEIGHT + STEP_HEIGHT));

  return i >= 0 && (guint)i < self->stages->len ? i : -1;
}

static char *
dup_stage_description (SlFunnelChart *self,
                       guint          i)
{
  const Stage *stage = get_stage (self, i);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("%s: %s"), stage->name, stage->volume_text);
  if (stage->step_tooltip != NULL && i + 1 < self->stages->len)
    g_string_append_printf (text, "\n%s", stage->step_tooltip);
  return g_string_free (text, FALSE);
}

static gboolean
sl_funnel_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  SlFunnelChart *self = SL_FUNNEL_CHART (widget);
  int i = keyboard ? self->focus_stage : stage_at (self, y);
  g_autofree char *text = NULL;

  if (i < 0 || (guint)i >= self->stages->len)
    return FALSE;
  text = dup_stage_description (self, i);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (SlFunnelChart *self)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < self->stages->len; i++)
    {
      g_autofree char *line = dup_stage_description (self, i);

      g_string_append_printf (all, "%s%s", i > 0 ? "\n" : "", line);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, all->str, -1);
  g_string_free (all, TRUE);
}

static gboolean
move_focus (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  SlFunnelChart *self = SL_FUNNEL_CHART (widget);
  int delta = g_variant_get_int32 (args);

  if (self->stages->len == 0)
    return FALSE;
  self->focus_stage = CLAMP (self->focus_stage + delta, 0, (int)self->stages->len - 1);
  gtk_widget_trigger_tooltip_query (widget);
  gtk_widget_queue_draw (widget);
  return TRUE;
}

static void
style_dark_cb (SlFunnelChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sl_funnel_chart_finalize (GObject *object)
{
  SlFunnelChart *self = (SlFunnelChart *)object;

  g_array_unref (self->stages);

  G_OBJECT_CLASS (sl_funnel_chart_parent_class)->finalize (object);
}

static void
sl_funnel_chart_class_init (SlFunnelChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_funnel_chart_finalize;
  widget_class->measure = sl_funnel_chart_measure;
  widget_class->snapshot = sl_funnel_chart_snapshot;
  widget_class->query_tooltip = sl_funnel_chart_query_tooltip;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, move_focus, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, move_focus, "i", 1);
  gtk_widget_class_set_css_name (widget_class, "funnelchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_funnel_chart_init (SlFunnelChart *self)
{
  self->stages = g_array_new (FALSE, TRUE, sizeof (Stage));
  g_array_set_clear_func (self->stages, stage_clear);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sl_funnel_chart_new (void)
{
  return g_object_new (SL_TYPE_FUNNEL_CHART, NULL);
}

void
sl_funnel_chart_set_n_stages (SlFunnelChart *self,
                              guint          n_stages)
{
  g_return_if_fail (SL_IS_FUNNEL_CHART (self));

  g_array_set_size (self->stages, 0);
  g_array_set_size (self->stages, n_stages);
  self->focus_stage = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
sl_funnel_chart_get_n_stages (SlFunnelChart *self)
{
  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), 0);
  return self->stages->len;
}

void
sl_funnel_chart_set_stage (SlFunnelChart *self,
                           guint          i,
                           const char    *name,
                           double         volume,
                           const char    *volume_text)
{
  Stage *stage;

  g_return_if_fail (SL_IS_FUNNEL_CHART (self));
  g_return_if_fail (isfinite (volume) && volume >= 0);

  stage = get_stage (self, i);
  g_free (stage->name);
  g_free (stage->volume_text);
  stage->name = g_strdup (name != NULL ? name : "");
  stage->volume = volume;
  stage->volume_text = g_strdup (volume_text != NULL ? volume_text : "");
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sl_funnel_chart_set_step (SlFunnelChart *self,
                          guint          i,
                          const char    *text,
                          const char    *tooltip,
                          gboolean       leaking)
{
  Stage *stage;

  g_return_if_fail (SL_IS_FUNNEL_CHART (self));

  stage = get_stage (self, i);
  g_free (stage->step_text);
  g_free (stage->step_tooltip);
  stage->step_text = g_strdup (text);
  stage->step_tooltip = g_strdup (tooltip);
  stage->leaking = leaking;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
sl_funnel_chart_get_stage_area (SlFunnelChart   *self,
                                guint            i,
                                graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), FALSE);

  if (i >= self->stages->len)
    return FALSE;
  stage_rect (self, i, out);
  return TRUE;
}

gboolean
sl_funnel_chart_get_step_leaking (SlFunnelChart *self,
                                  guint          i)
{
  g_return_val_if_fail (SL_IS_FUNNEL_CHART (self), FALSE);
  return i < self->stages->len && get_stage (self, i)->leaking;
}
