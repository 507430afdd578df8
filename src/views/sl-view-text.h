/* sl-view-text.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-workspace.h"

G_BEGIN_DECLS

/* Text the pages show: money in the workspace's currency and days in
 * its calendar, for the current locale; refusals under their form;
 * figures in a grid; the goals to choose from. */
char      *sl_view_format_money    (SlWorkspace   *workspace,
                                    gint64         minor);
char      *sl_view_format_day      (SlWorkspace   *workspace,
                                    SlDay          day);
/* The month holding @day: “March 2025”. */
char      *sl_view_format_month    (SlWorkspace   *workspace,
                                    SlDay          day);
/* When something was written (@usec, µs since the epoch): its local
 * day and time of day, “Nov 23, 2026 10:12”. */
char      *sl_view_format_time     (SlWorkspace   *workspace,
                                    gint64         usec);
/* Shows @error's message in @label (NULL: hides it). */
void       sl_view_show_error      (GtkLabel      *label,
                                    const GError  *error);
/* A label at @column, @row of @grid: a heading, or a figure; the first
 * column's to the start, the others' to the end. */
GtkWidget *sl_view_attach_label    (GtkGrid       *grid,
                                    const char    *text,
                                    int            column,
                                    int            row,
                                    gboolean       heading);
/* Puts @none then every goal's objective in @names, and their ids (0
 * for @none) in @ids (gint64); returns the position of @selected_id
 * (0 when it is none of them). */
guint      sl_view_fill_goal_names (SlWorkspace   *workspace,
                                    const char    *none,
                                    gint64         selected_id,
                                    GtkStringList *names,
                                    GArray        *ids);

G_END_DECLS
