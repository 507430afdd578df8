/* sl-chart-frame.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sl-chart-frame.h"
#include "sl-chart-palette.h"

#define AXIS_GAP 6        /* between tick labels and the plot */
#define KEY_SWATCH 12
#define KEY_SPACING 16
#define LABEL_GAP 6       /* the least room between slot labels */
#define CALLOUT_PADDING 6

typedef struct {
  PangoLayout     *layout;
  int              color_index;
  SlChartKeyStyle  style;
  graphene_rect_t  area;    /* swatch and text */
} Key;

static void
key_clear (gpointer data)
{
  g_clear_object (&((Key *)data)->layout);
}

static void
style_dark_cb (GtkWidget *widget)
{
  gtk_widget_queue_draw (widget);
}

void
sl_chart_frame_init (SlChartFrame *frame,
                     GtkWidget    *widget)
{
  memset (frame, 0, sizeof *frame);
  frame->widget = widget;
  frame->tick_labels = g_ptr_array_new_with_free_func (g_object_unref);
  frame->tick_areas = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  frame->slot_labels = g_ptr_array_new ();
  frame->slot_areas = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  frame->keys = g_array_new (FALSE, TRUE, sizeof (Key));
  g_array_set_clear_func (frame->keys, key_clear);
  sl_chart_axis_init (&frame->axis, 0, 1, 3, TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), widget, G_CONNECT_SWAPPED);
}

static void
clear_slot_labels (SlChartFrame *frame)
{
  for (guint i = 0; i < frame->slot_labels->len; i++)
    g_clear_object (&frame->slot_labels->pdata[i]);
  g_ptr_array_set_size (frame->slot_labels, 0);
}

void
sl_chart_frame_clear (SlChartFrame *frame)
{
  clear_slot_labels (frame);
  g_clear_pointer (&frame->slot_labels, g_ptr_array_unref);
  g_clear_pointer (&frame->tick_labels, g_ptr_array_unref);
  g_clear_pointer (&frame->tick_areas, g_array_unref);
  g_clear_pointer (&frame->slot_areas, g_array_unref);
  g_clear_pointer (&frame->keys, g_array_unref);
  g_clear_object (&frame->dash);
  g_clear_object (&frame->callout);
}

void
sl_chart_frame_clear_keys (SlChartFrame *frame)
{
  g_array_set_size (frame->keys, 0);
}

void
sl_chart_frame_add_key (SlChartFrame    *frame,
                        const char      *name,
                        int              color_index,
                        SlChartKeyStyle  style)
{
  Key key = { NULL, color_index, style, GRAPHENE_RECT_INIT (0, 0, 0, 0) };

  key.layout = gtk_widget_create_pango_layout (frame->widget, name != NULL ? name : "");
  g_array_append_val (frame->keys, key);
}

/* Flows the legend into rows across @width; returns its height. */
static int
layout_keys (SlChartFrame *frame,
             int           width)
{
  double x = 0, y = 0, row_height = 0;

  if (frame->keys->len < 2)
    return 0;
  for (guint i = 0; i < frame->keys->len; i++)
    {
      Key *key = &g_array_index (frame->keys, Key, i);
      int text_width, text_height;
      double w;

      pango_layout_get_pixel_size (key->layout, &text_width, &text_height);
      w = KEY_SWATCH + 4 + text_width;
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += row_height + 2;
        }
      row_height = MAX (row_height, text_height);
      graphene_rect_init (&key->area, frame->rtl ? width - x - w : x, y, w, text_height);
      x += w + KEY_SPACING;
    }
  return (int)ceil (y + row_height) + 8;
}

static PangoLayout *
make_label (SlChartFrame *frame,
            const char   *text,
            int          *width,
            int          *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (frame->widget, text);

  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

static int
layout_ticks (SlChartFrame      *frame,
              SlChartFormatFunc  format,
              gpointer           format_data)
{
  int widest = 0;

  g_ptr_array_set_size (frame->tick_labels, 0);
  for (guint i = 0; i < frame->axis.n_ticks; i++)
    {
      double value = sl_chart_axis_get_tick (&frame->axis, i);
      /* Without a formatter, left to right digits (a left-to-right mark
       * keeps "-100" from reading "100-" in a right-to-left layout). */
      g_autofree char *text = format != NULL ? format (value, format_data) : g_strdup_printf ("\u200e%g", value);
      int w, h;

      g_ptr_array_add (frame->tick_labels, make_label (frame, text != NULL ? text : "", &w, &h));
      widest = MAX (widest, w);
    }
  return widest;
}

static void
place_ticks (SlChartFrame *frame)
{
  g_array_set_size (frame->tick_areas, frame->axis.n_ticks);
  for (guint i = 0; i < frame->axis.n_ticks; i++)
    {
      int w, h;
      double y = sl_chart_frame_y (frame, sl_chart_axis_get_tick (&frame->axis, i));
      double x;

      pango_layout_get_pixel_size (frame->tick_labels->pdata[i], &w, &h);
      if (frame->rtl)
        x = frame->plot.origin.x + frame->plot.size.width + AXIS_GAP;
      else
        x = frame->plot.origin.x - AXIS_GAP - w;
      g_array_index (frame->tick_areas, graphene_rect_t, i) = GRAPHENE_RECT_INIT (x, y - h / 2.0, w, h);
    }
}

/* Every label when they fit; else every second, third… label (months),
 * or, for a few wide slots (channels), each one cut short. */
static void
layout_slot_labels (SlChartFrame      *frame,
                    const char *const *labels,
                    int                line_height)
{
  double slot = frame->slot_width;
  int widest = 0;
  guint every = 1;
  gboolean ellipsize = FALSE;

  clear_slot_labels (frame);
  for (guint i = 0; i < frame->n_slots; i++)
    {
      int w, h;

      g_ptr_array_add (frame->slot_labels, make_label (frame, labels != NULL && labels[i] != NULL ? labels[i] : "", &w, &h));
      widest = MAX (widest, w);
    }
  if (widest + LABEL_GAP > slot)
    {
      if (slot >= 48 && frame->n_slots <= 8)
        ellipsize = TRUE;
      else
        every = (guint)ceil ((widest + LABEL_GAP) / MAX (slot, 1));
    }
  g_array_set_size (frame->slot_areas, frame->n_slots);
  for (guint i = 0; i < frame->n_slots; i++)
    {
      PangoLayout *layout = frame->slot_labels->pdata[i];
      graphene_rect_t *area = &g_array_index (frame->slot_areas, graphene_rect_t, i);
      int w, h;

      if (i % every != 0)
        {
          g_clear_object (&frame->slot_labels->pdata[i]);
          *area = GRAPHENE_RECT_INIT (sl_chart_frame_x (frame, i + 0.5), 0, 0, 0);
          continue;
        }
      if (ellipsize)
        {
          pango_layout_set_width (layout, (int)(slot - LABEL_GAP) * PANGO_SCALE);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      pango_layout_get_pixel_size (layout, &w, &h);
      graphene_rect_init (area, sl_chart_frame_x (frame, i + 0.5) - w / 2.0,
                          frame->plot.origin.y + frame->plot.size.height + (line_height - h) / 2.0 + 4, w, h);
    }
}

void
sl_chart_frame_allocate (SlChartFrame      *frame,
                         int                width,
                         int                height,
                         double             min,
                         double             max,
                         gboolean           from_zero,
                         SlChartFormatFunc  format,
                         gpointer           format_data,
                         const char *const *slot_labels,
                         guint              n_slots)
{
  int legend, line_height, axis_width;
  double top, bottom;

  frame->rtl = gtk_widget_get_direction (frame->widget) == GTK_TEXT_DIR_RTL;
  frame->width = width;
  frame->height = height;
  frame->n_slots = n_slots;
  g_clear_object (&frame->dash);
  /* Translators: drawn where a chart has no value (undefined, not zero) */
  frame->dash = make_label (frame, C_("chart", "—"), &axis_width, &line_height);
  frame->line_height = line_height;
  legend = layout_keys (frame, width);
  top = legend + frame->top_lines * (line_height + 4) + line_height / 2.0;
  bottom = height - line_height - 8;
  sl_chart_axis_init (&frame->axis, min, max, sl_chart_axis_ticks_for_length (bottom - top), from_zero);
  axis_width = layout_ticks (frame, format, format_data);
  frame->plot.origin.x = frame->rtl ? 2 : axis_width + AXIS_GAP;
  frame->plot.origin.y = top;
  frame->plot.size.width = MAX (1, width - axis_width - AXIS_GAP - 2);
  frame->plot.size.height = MAX (1, bottom - top);
  frame->slot_width = frame->plot.size.width / MAX (1, n_slots);
  place_ticks (frame);
  layout_slot_labels (frame, slot_labels, line_height);
}

double
sl_chart_frame_y (const SlChartFrame *frame,
                  double              value)
{
  double f = sl_chart_axis_get_fraction (&frame->axis, value);

  return frame->plot.origin.y + frame->plot.size.height * (1 - f);
}

double
sl_chart_frame_x (const SlChartFrame *frame,
                  double              position)
{
  double x = position * frame->slot_width;

  if (frame->rtl)
    return frame->plot.origin.x + frame->plot.size.width - x;
  return frame->plot.origin.x + x;
}

double
sl_chart_frame_slot_left (const SlChartFrame *frame,
                          guint               slot,
                          double              offset,
                          double              width)
{
  double x = slot * frame->slot_width + offset;

  if (frame->rtl)
    return frame->plot.origin.x + frame->plot.size.width - x - width;
  return frame->plot.origin.x + x;
}

int
sl_chart_frame_slot_at (const SlChartFrame *frame,
                        double              x)
{
  double offset = frame->rtl ? frame->plot.origin.x + frame->plot.size.width - x : x - frame->plot.origin.x;
  double slot;

  if (frame->slot_width <= 0 || offset < 0)
    return -1;
  slot = floor (offset / frame->slot_width);
  return slot < frame->n_slots ? (int)slot : -1;
}

void
sl_chart_frame_set_callout (SlChartFrame *frame,
                            const char   *text,
                            guint         slot,
                            double        anchor_y)
{
  int w, h;
  double x, y, after, before;

  g_clear_object (&frame->callout);
  if (text == NULL || slot >= frame->n_slots)
    return;
  frame->callout = make_label (frame, text, &w, &h);
  w += 2 * CALLOUT_PADDING;
  h += 2 * CALLOUT_PADDING;
  /* Beside the slot, after it in reading order if it fits, else before
   * it, so it hides none of the slot's own marks. */
  after = frame->rtl ? sl_chart_frame_x (frame, slot + 1) - 6 - w : sl_chart_frame_x (frame, slot + 1) + 6;
  before = frame->rtl ? sl_chart_frame_x (frame, slot) + 6 : sl_chart_frame_x (frame, slot) - 6 - w;
  if (after >= 0 && after + w <= frame->width)
    x = after;
  else if (before >= 0 && before + w <= frame->width)
    x = before;
  else
    x = CLAMP (sl_chart_frame_x (frame, slot + 0.5) - w / 2.0, 0, MAX (0, frame->width - w));
  y = CLAMP (anchor_y - h / 2.0, frame->plot.origin.y, MAX (0, frame->height - h));
  graphene_rect_init (&frame->callout_area, x, MAX (0, y), w, h);
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

void
sl_chart_frame_snapshot_axes (SlChartFrame *frame,
                              GtkSnapshot  *snapshot)
{
  GdkRGBA grid, axis, dim;

  sl_chart_palette_grid (frame->widget, &grid);
  sl_chart_palette_axis (frame->widget, &axis);
  sl_chart_palette_dim_text (frame->widget, &dim);
  for (guint i = 0; i < frame->tick_areas->len; i++)
    {
      const graphene_rect_t *area = &g_array_index (frame->tick_areas, graphene_rect_t, i);
      double value = sl_chart_axis_get_tick (&frame->axis, i);
      double y = round (sl_chart_frame_y (frame, value));

      gtk_snapshot_append_color (snapshot, value == 0 ? &axis : &grid,
                                 &GRAPHENE_RECT_INIT (frame->plot.origin.x, y, frame->plot.size.width, 1));
      append_layout (snapshot, frame->tick_labels->pdata[i], area->origin.x, area->origin.y, &dim);
    }
  for (guint i = 0; i < frame->slot_labels->len; i++)
    {
      const graphene_rect_t *area = &g_array_index (frame->slot_areas, graphene_rect_t, i);

      if (frame->slot_labels->pdata[i] != NULL)
        append_layout (snapshot, frame->slot_labels->pdata[i], area->origin.x, area->origin.y, &dim);
    }
}

static void
key_color (SlChartFrame *frame,
           const Key    *key,
           GdkRGBA      *out)
{
  if (key->color_index < 0)
    sl_chart_palette_text (frame->widget, out);
  else
    sl_chart_palette_series (key->color_index, sl_chart_palette_is_dark (), out);
}

void
sl_chart_frame_snapshot_legend (SlChartFrame *frame,
                                GtkSnapshot  *snapshot)
{
  GdkRGBA fg;

  if (frame->keys->len < 2)
    return;
  sl_chart_palette_text (frame->widget, &fg);
  for (guint i = 0; i < frame->keys->len; i++)
    {
      const Key *key = &g_array_index (frame->keys, Key, i);
      double mid = key->area.origin.y + key->area.size.height / 2.0;
      double sx = frame->rtl ? key->area.origin.x + key->area.size.width - KEY_SWATCH : key->area.origin.x;
      double tx = frame->rtl ? key->area.origin.x : key->area.origin.x + KEY_SWATCH + 4;
      GdkRGBA color;

      key_color (frame, key, &color);
      if (key->style == SL_CHART_KEY_BOX)
        gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (sx + 1, mid - 5, 10, 10));
      else if (key->style == SL_CHART_KEY_LINE)
        gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (sx, mid - 1, KEY_SWATCH, 2));
      else
        for (int d = 0; d < KEY_SWATCH; d += 5)
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (sx + d, mid - 1, 3, 2));
      append_layout (snapshot, key->layout, tx, key->area.origin.y, &fg);
    }
}

void
sl_chart_frame_snapshot_focus (SlChartFrame *frame,
                               GtkSnapshot  *snapshot,
                               guint         slot)
{
  GdkRGBA band;

  if (slot >= frame->n_slots)
    return;
  sl_chart_palette_accent (frame->widget, &band);
  band.alpha = 0.12f;
  gtk_snapshot_append_color (snapshot, &band,
                             &GRAPHENE_RECT_INIT (sl_chart_frame_slot_left (frame, slot, 0, frame->slot_width),
                                                  frame->plot.origin.y, frame->slot_width, frame->plot.size.height));
}

void
sl_chart_frame_snapshot_callout (SlChartFrame *frame,
                                 GtkSnapshot  *snapshot)
{
  GdkRGBA accent, back, text;
  GskRoundedRect rounded;
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA colors[4];

  if (frame->callout == NULL)
    return;
  sl_chart_palette_accent (frame->widget, &accent);
  /* Like a tooltip: the text colour as background, and text on it. */
  sl_chart_palette_text (frame->widget, &back);
  back.alpha = 0.92f;
  sl_chart_palette_text_on (&back, &text);
  text.alpha = 1;
  colors[0] = colors[1] = colors[2] = colors[3] = accent;
  gsk_rounded_rect_init_from_rect (&rounded, &frame->callout_area, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &back, &frame->callout_area);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
  append_layout (snapshot, frame->callout, frame->callout_area.origin.x + CALLOUT_PADDING,
                 frame->callout_area.origin.y + CALLOUT_PADDING, &text);
}

void
sl_chart_frame_snapshot_dash (SlChartFrame *frame,
                              GtkSnapshot  *snapshot,
                              double        x,
                              double        y)
{
  GdkRGBA dim;
  int w, h;

  if (frame->dash == NULL)
    return;
  sl_chart_palette_dim_text (frame->widget, &dim);
  pango_layout_get_pixel_size (frame->dash, &w, &h);
  append_layout (snapshot, frame->dash, x - w / 2.0, y - h / 2.0, &dim);
}

guint
sl_chart_frame_step_slot (const SlChartFrame *frame,
                          guint               current,
                          int                 visual_delta)
{
  gint64 next;

  if (frame->n_slots == 0)
    return 0;
  if (visual_delta == G_MININT)
    return 0;
  if (visual_delta == G_MAXINT)
    return frame->n_slots - 1;
  next = (gint64)current + (gtk_widget_get_direction (frame->widget) == GTK_TEXT_DIR_RTL ? -visual_delta : visual_delta);
  return (guint)CLAMP (next, 0, (gint64)frame->n_slots - 1);
}

void
sl_chart_frame_install_focus_action (GtkWidgetClass              *klass,
                                     GtkWidgetActionActivateFunc  activate)
{
  gtk_widget_class_install_action (klass, "chart.move-focus", "i", activate);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_Left, 0, "chart.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_KP_Left, 0, "chart.move-focus", "i", -1);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_Right, 0, "chart.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_KP_Right, 0, "chart.move-focus", "i", 1);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_Home, 0, "chart.move-focus", "i", G_MININT);
  gtk_widget_class_add_binding_action (klass, GDK_KEY_End, 0, "chart.move-focus", "i", G_MAXINT);
}

#define FRAME_KEY "sl-chart-frame"

static void
move_frame_focus (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *args)
{
  SlChartFrame *frame = g_object_get_data (G_OBJECT (widget), FRAME_KEY);

  if (frame == NULL || frame->n_slots == 0)
    return;
  frame->focus_func (widget, sl_chart_frame_step_slot (frame, *frame->focus, g_variant_get_int32 (args)));
}

static void
focus_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SlChartFrame    *frame)
{
  int slot = sl_chart_frame_slot_at (frame, x);

  if (slot < 0)
    return;
  gtk_widget_grab_focus (frame->widget);
  frame->focus_func (frame->widget, (guint) slot);
}

static void
focus_state_cb (GtkWidget     *widget,
                GtkStateFlags  previous)
{
  if ((previous ^ gtk_widget_get_state_flags (widget)) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

void
sl_chart_frame_follow_focus (SlChartFrame     *frame,
                             const guint      *focus,
                             SlChartFocusFunc  func)
{
  GtkGesture *click = gtk_gesture_click_new ();

  frame->focus = focus;
  frame->focus_func = func;
  g_object_set_data (G_OBJECT (frame->widget), FRAME_KEY, frame);
  g_signal_connect (click, "pressed", G_CALLBACK (focus_pressed_cb), frame);
  gtk_widget_add_controller (frame->widget, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (frame->widget, "state-flags-changed", G_CALLBACK (focus_state_cb), NULL);
  gtk_widget_set_focusable (frame->widget, TRUE);
}

void
sl_chart_frame_install_frame_focus (GtkWidgetClass *klass)
{
  sl_chart_frame_install_focus_action (klass, move_frame_focus);
}

void
sl_chart_frame_append_summary (GString    *out,
                               const char *series,
                               const char *high_text,
                               const char *high_label,
                               const char *low_text,
                               const char *low_label)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
  if (high_text == NULL)
    /* Translators: a chart's series (e.g. a channel) with no value at all */
    g_string_append_printf (out, _("%s: no values"), series);
  else
    /* Translators: a chart's series (e.g. a channel), its highest value and
     * where (e.g. a month), its lowest value and where */
    g_string_append_printf (out, _("%s: highest %s (%s), lowest %s (%s)"),
                            series, high_text, high_label, low_text, low_label);
}
