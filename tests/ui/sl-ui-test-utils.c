/* sl-ui-test-utils.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-ui-test-utils.h"

/* Main loop helpers. */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
sl_ui_test_iterate_until (gboolean (*done) (gpointer),
                          gpointer   data,
                          guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean ok;

  while (!(ok = done (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return ok;
}

static gboolean
never_cb (gpointer data)
{
  return FALSE;
}

void
sl_ui_test_settle (guint ms)
{
  sl_ui_test_iterate_until (never_cb, NULL, ms);
}

/* Widget tree helpers. */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

GPtrArray *
sl_ui_test_find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

GtkWidget *
sl_ui_test_find_named (GtkWidget  *root,
                       GType       type,
                       const char *name)
{
  g_autoptr(GPtrArray) all = sl_ui_test_find_all (root, type);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (all->pdata[i]), name) == 0)
      return all->pdata[i];
  g_error ("No %s named %s", g_type_name (type), name);
  return NULL;
}

GdkTexture *
sl_ui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
sl_ui_test_texture_pixel (GdkTexture *texture,
                          int         x,
                          int         y,
                          GdkRGBA    *out)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = NULL;
  const guchar *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);
  data = g_malloc ((gsize)width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  /* Premultiplied BGRA on little-endian (CAIRO_FORMAT_ARGB32). */
  p = data + ((gsize)y * width + x) * 4;
  out->alpha = p[3] / 255.0;
  out->red = p[3] > 0 ? p[2] / (double)p[3] : 0;
  out->green = p[3] > 0 ? p[1] / (double)p[3] : 0;
  out->blue = p[3] > 0 ? p[0] / (double)p[3] : 0;
}

void
sl_ui_test_save_screenshot (GtkWidget  *widget,
                            const char *path)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  texture = sl_ui_test_render (widget);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
