/* sl-ui-test-utils.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until @done returns TRUE or @timeout_ms pass;
 * returns what @done last said. */
gboolean   sl_ui_test_iterate_until   (gboolean  (*done) (gpointer),
                                       gpointer    data,
                                       guint       timeout_ms);
/* Lets frames, idles and allocations run for @ms. */
void       sl_ui_test_settle          (guint       ms);
/* Every widget of @type under @root, @root included (transfer container). */
GPtrArray *sl_ui_test_find_all        (GtkWidget  *root,
                                       GType       type);
/* The first widget under @root (@root included) named @name; fails
 * the test when there is none. */
GtkWidget *sl_ui_test_get_named       (gpointer    root,
                                       const char *name);
/* A shown toplevel window of @type, or NULL (transfer none). */
GtkWindow *sl_ui_test_find_window     (GType       type);
/* Renders @widget as it is on screen. */
GdkTexture *sl_ui_test_render         (GtkWidget  *widget);
/* The colour of pixel (@x, @y) of @texture, not premultiplied. */
void       sl_ui_test_texture_pixel   (GdkTexture *texture,
                                       int         x,
                                       int         y,
                                       GdkRGBA    *out);
/* Renders @widget as it is on screen and saves it as a PNG. */
void       sl_ui_test_save_screenshot (GtkWidget  *widget,
                                       const char *path);

G_END_DECLS
