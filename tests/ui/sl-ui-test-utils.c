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

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  guint *pending = data;

  if (*pending > 0)
    (*pending)--;
}

static gboolean
frames_done_cb (gpointer data)
{
  return *(guint *)data == 0;
}

/* Waits until every mapped window has painted a new frame: whatever was
 * queued before (resizes, redraws) is then laid out and drawn, however
 * slow the machine. */
static void
wait_for_frames (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  g_autoptr(GPtrArray) clocks = g_ptr_array_new_with_free_func (g_object_unref);
  guint pending = 0;

  for (GList *l = windows; l != NULL; l = l->next)
    {
      GdkFrameClock *clock;

      if (!gtk_widget_get_mapped (l->data) || (clock = gtk_widget_get_frame_clock (l->data)) == NULL)
        continue;
      g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &pending);
      g_ptr_array_add (clocks, g_object_ref (clock));
      gtk_widget_queue_draw (l->data);
      pending++;
    }
  g_assert_true (sl_ui_test_iterate_until (frames_done_cb, &pending, 20000));
  for (guint i = 0; i < clocks->len; i++)
    g_signal_handlers_disconnect_by_data (clocks->pdata[i], &pending);
}

void
sl_ui_test_settle (guint ms)
{
  sl_ui_test_iterate_until (never_cb, NULL, ms);
  wait_for_frames ();
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

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
sl_ui_test_get_named (gpointer    root,
                      const char *name)
{
  GtkWidget *found = find_named (GTK_WIDGET (root), name);

  if (found == NULL)
    g_error ("No widget named “%s” under %s", name, G_OBJECT_TYPE_NAME (root));
  return found;
}

GtkWindow *
sl_ui_test_find_window (GType type)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

GdkTexture *
sl_ui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  g_assert_true (sl_ui_test_iterate_until ((gboolean (*) (gpointer))gtk_widget_get_mapped, widget, 20000));
  wait_for_frames ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      /* Nothing drawn yet on a slow machine (sanitizers): a frame more. */
      if (tries > 0)
        sl_ui_test_settle (20);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
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
