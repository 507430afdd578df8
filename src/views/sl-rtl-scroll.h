/* sl-rtl-scroll.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 scrolls a column view sideways from its left edge, which right
 * to left is the end of the table, and keeps the left edge when it is
 * resized. These keep a scrollable of a right-to-left widget at the same
 * distance from its start (its right edge) instead, at first the start. */
void sl_rtl_scroll_attach         (GtkScrollable *scrollable);
/* Back to the start, as for new contents. */
void sl_rtl_scroll_reset          (GtkScrollable *scrollable);

G_END_DECLS
