/* sl-rtl-scroll.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include "sl-rtl-scroll.h"

#define DATA_KEY "sl-rtl-scroll"

typedef struct
{
  GtkWidget     *widget;       /* owns this */
  GtkAdjustment *adjustment;
  double         from_start;   /* pixels scrolled from the right edge */
  guint          restore_id;
} RtlScroll;

static gboolean
is_rtl (RtlScroll *scroll)
{
  return gtk_widget_get_direction (scroll->widget) == GTK_TEXT_DIR_RTL;
}

static double
get_end (GtkAdjustment *adjustment)
{
  return MAX (0.0, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

/* After the allocation: a value set during it is lost. */
static gboolean
restore_cb (gpointer user_data)
{
  RtlScroll *scroll = user_data;

  scroll->restore_id = 0;
  gtk_adjustment_set_value (scroll->adjustment,
                            MAX (0.0, get_end (scroll->adjustment) - scroll->from_start));
  return G_SOURCE_REMOVE;
}

static void
changed_cb (GtkAdjustment *adjustment,
            RtlScroll     *scroll)
{
  if (is_rtl (scroll) && scroll->restore_id == 0)
    scroll->restore_id = g_idle_add (restore_cb, scroll);
}

static void
value_changed_cb (GtkAdjustment *adjustment,
                  RtlScroll     *scroll)
{
  /* While a restore is pending, the view is not where it will be. */
  if (is_rtl (scroll) && scroll->restore_id == 0)
    scroll->from_start = get_end (adjustment) - gtk_adjustment_get_value (adjustment);
}

static void
rtl_scroll_free (RtlScroll *scroll)
{
  g_clear_handle_id (&scroll->restore_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (scroll->adjustment, scroll);
  g_object_unref (scroll->adjustment);
  g_free (scroll);
}

void
sl_rtl_scroll_attach (GtkScrollable *scrollable)
{
  GtkAdjustment *adjustment;
  RtlScroll *scroll;

  g_return_if_fail (GTK_IS_SCROLLABLE (scrollable));

  adjustment = gtk_scrollable_get_hadjustment (scrollable);
  g_return_if_fail (adjustment != NULL);

  scroll = g_new0 (RtlScroll, 1);
  scroll->widget = GTK_WIDGET (scrollable);
  scroll->adjustment = g_object_ref (adjustment);
  g_signal_connect (adjustment, "changed", G_CALLBACK (changed_cb), scroll);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (value_changed_cb), scroll);
  g_object_set_data_full (G_OBJECT (scrollable), DATA_KEY, scroll, (GDestroyNotify)rtl_scroll_free);
}

void
sl_rtl_scroll_reset (GtkScrollable *scrollable)
{
  RtlScroll *scroll;

  g_return_if_fail (GTK_IS_SCROLLABLE (scrollable));

  scroll = g_object_get_data (G_OBJECT (scrollable), DATA_KEY);
  g_return_if_fail (scroll != NULL);

  scroll->from_start = 0.0;
  changed_cb (scroll->adjustment, scroll);
}
