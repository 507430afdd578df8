/* sl-tooltip.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Like gtk_widget_set_tooltip_text(), for widgets whose tooltip changes
 * with their content (cells of a list, cards): the text is kept and
 * handed out when the tooltip is asked for. GTK's own setter asks the
 * display where the pointer is on every call, a round trip to the X
 * server each time, which a table refreshing hundreds of cells cannot
 * afford. The accessible description follows the text. NULL removes it. */
void        sl_tooltip_set_text (GtkWidget  *widget,
                                 const char *text);
/* The text sl_tooltip_set_text() gave @widget, or NULL. */
const char *sl_tooltip_get_text (GtkWidget  *widget);

G_END_DECLS
