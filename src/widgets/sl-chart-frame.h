/* sl-chart-frame.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-chart-axis.h"

G_BEGIN_DECLS

/* What the bar and line charts share: a legend on top, a value axis of
 * rounded ticks (on the left, on the right in RTL), slots along x with
 * their labels (the first on the right in RTL), a focused slot with a
 * callout. Laid out in size_allocate() (sl_chart_frame_allocate), only
 * painted in snapshot(). Plain struct, embedded in the chart. */

typedef enum {
  SL_CHART_KEY_BOX,    /* a bar's colour */
  SL_CHART_KEY_LINE,   /* a line */
  SL_CHART_KEY_DASH,   /* a dashed line */
} SlChartKeyStyle;

/* A legend entry's colour: a series index, or the text colour. */
#define SL_CHART_KEY_TEXT_COLOR (-1)

/* Shows slot @slot as the chart's focused one. */
typedef void (*SlChartFocusFunc) (GtkWidget *chart,
                                  guint      slot);

typedef struct {
  GtkWidget         *widget;        /* not owned */
  const guint       *focus;         /* the chart's focused slot */
  SlChartFocusFunc   focus_func;
  gboolean           rtl;
  int                width;
  int                height;
  guint              top_lines;     /* set by the chart: lines of text above the plot */
  int                line_height;   /* of a line of text */
  SlChartAxis        axis;
  graphene_rect_t    plot;
  guint              n_slots;
  double             slot_width;

  GPtrArray         *tick_labels;   /* PangoLayout, one per tick */
  GArray            *tick_areas;    /* graphene_rect_t */
  GPtrArray         *slot_labels;   /* PangoLayout or NULL where skipped */
  GArray            *slot_areas;    /* graphene_rect_t */
  GArray            *keys;          /* legend entries */
  PangoLayout       *dash;          /* "—" */
  PangoLayout       *callout;       /* the focused slot's text, or NULL */
  graphene_rect_t    callout_area;
} SlChartFrame;

void     sl_chart_frame_init        (SlChartFrame      *frame,
                                     GtkWidget         *widget);
void     sl_chart_frame_clear       (SlChartFrame      *frame);

/* Legend entries, before sl_chart_frame_allocate(); shown when there
 * are two or more. */
void     sl_chart_frame_clear_keys  (SlChartFrame      *frame);
void     sl_chart_frame_add_key     (SlChartFrame      *frame,
                                     const char        *name,
                                     int                color_index,
                                     SlChartKeyStyle    style);

/* Lays everything out for @width × @height: the axis covers @min..@max
 * (from 0 with @from_zero), its labels through @format (NULL: "%g"). */
void     sl_chart_frame_allocate    (SlChartFrame      *frame,
                                     int                width,
                                     int                height,
                                     double             min,
                                     double             max,
                                     gboolean           from_zero,
                                     SlChartFormatFunc  format,
                                     gpointer           format_data,
                                     const char *const *slot_labels,
                                     guint              n_slots);

/* Geometry, mirrored right to left: the y of a value, the x of a
 * position in slots (0.5: the middle of the first), the slot under x
 * (-1 for none). */
double   sl_chart_frame_y           (const SlChartFrame *frame,
                                     double             value);
double   sl_chart_frame_x           (const SlChartFrame *frame,
                                     double             position);
int      sl_chart_frame_slot_at     (const SlChartFrame *frame,
                                     double             x);
/* A rect @offset..@offset+@width across slot @slot, reading direction. */
double   sl_chart_frame_slot_left   (const SlChartFrame *frame,
                                     guint              slot,
                                     double             offset,
                                     double             width);

/* The focused slot's callout (NULL hides it), beside the slot, level with
 * @anchor_y (the top of its marks); lay out again after a resize. */
void     sl_chart_frame_set_callout (SlChartFrame      *frame,
                                     const char        *text,
                                     guint              slot,
                                     double             anchor_y);

void     sl_chart_frame_snapshot_axes   (SlChartFrame *frame,
                                         GtkSnapshot  *snapshot);
void     sl_chart_frame_snapshot_legend (SlChartFrame *frame,
                                         GtkSnapshot  *snapshot);
/* A faint band over the focused slot; its callout, drawn last. */
void     sl_chart_frame_snapshot_focus  (SlChartFrame *frame,
                                         GtkSnapshot  *snapshot,
                                         guint         slot);
void     sl_chart_frame_snapshot_callout (SlChartFrame *frame,
                                          GtkSnapshot  *snapshot);
/* "—" centred on (@x, @y). */
void     sl_chart_frame_snapshot_dash   (SlChartFrame *frame,
                                         GtkSnapshot  *snapshot,
                                         double        x,
                                         double        y);

/* The next slot from @current after a key press towards @visual_delta
 * (-1 left, +1 right, else first/last), mirrored right to left. */
guint    sl_chart_frame_step_slot   (const SlChartFrame *frame,
                                     guint              current,
                                     int                visual_delta);
/* Installs the action "chart.move-focus" (an int: -1 left, 1 right,
 * G_MININT first, G_MAXINT last) as @activate, on Left, Right, Home and
 * End. */
void     sl_chart_frame_install_focus_action (GtkWidgetClass              *klass,
                                              GtkWidgetActionActivateFunc  activate);

/* The focused slot, for a chart whose class called
 * sl_chart_frame_install_frame_focus(): the keys step it, a click puts it
 * under the pointer (and takes the keyboard focus), each through @func;
 * the chart is drawn again when it gains or loses the keyboard focus,
 * since the focused slot shows only then. @focus is the chart's own. */
void     sl_chart_frame_follow_focus (SlChartFrame      *frame,
                                      const guint       *focus,
                                      SlChartFocusFunc   func);
/* Left, Right, Home and End for the charts that follow the focus. */
void     sl_chart_frame_install_frame_focus (GtkWidgetClass *klass);

/* Appends "series: highest …, lowest …" for the accessible description. */
void     sl_chart_frame_append_summary (GString        *out,
                                        const char     *series,
                                        const char     *high_text,
                                        const char     *high_label,
                                        const char     *low_text,
                                        const char     *low_label);

G_END_DECLS
