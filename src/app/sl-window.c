/* sl-window.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-window-private.h"
#include "sl-tooltip.h"

G_DEFINE_FINAL_TYPE (SlWindow, sl_window, ADW_TYPE_APPLICATION_WINDOW)

#define HEADER_FILTERS_MIN_WIDTH 760

static void
update_title (SlWindow *self)
{
  g_autofree char *year = NULL;
  g_autofree char *period = NULL;
  const char *view;

  if (self->workspace == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Sunlight"));
      return;
    }

  year = sl_period_format (&self->fiscal_year, NULL);
  view = gtk_stack_get_visible_child_name (self->content_stack);
  if (self->filter != NULL && sl_window_view_is_analysis (view))
    period = sl_period_format (sl_view_filter_get_period (self->filter), NULL);
  adw_window_title_set_title (self->title, sl_workspace_get_name (self->workspace));
  adw_window_title_set_subtitle (self->title, period != NULL ? period : year);
  gtk_label_set_label (self->period_label, year);
  gtk_window_set_title (GTK_WINDOW (self), sl_workspace_get_name (self->workspace));
}

static void
sidebar_row_activated_cb (SlWindow      *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  sl_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* The fiscal year buttons belong to the plan, the period and filters
 * to the analysis views: in the header bar of wide windows, in a bar of
 * their own in narrow ones. */
static void
update_header (SlWindow *self)
{
  const char *view;
  gboolean folded;

  /* Also runs while the template is built. */
  if (self->year_box == NULL || self->content_stack == NULL || self->leaflet == NULL ||
      self->filter_bar == NULL || self->filter_toolbar == NULL)
    return;

  view = gtk_stack_get_visible_child_name (self->content_stack);
  /* The period and filters leave the header bar before it is too
   * narrow for them, so that they never hold the window wide. */
  folded = adw_leaflet_get_folded (self->leaflet) || self->narrow;
  gtk_widget_set_visible (self->year_box, !folded && g_strcmp0 (view, "plan") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_bar), !folded && sl_window_view_is_analysis (view));
  gtk_widget_set_visible (self->filter_toolbar, folded && sl_window_view_is_analysis (view));
  if (folded && sl_window_view_is_analysis (view))
    sl_window_views_ensure_narrow_filter_bar (self);
  /* Narrow windows have no room for it; Ctrl+F still searches. */
  if (self->search_button != NULL)
    gtk_widget_set_visible (self->search_button, !folded && sl_window_view_is_analysis (view));
  update_title (self);
  sl_window_views_save_view (self);
}

static gboolean
update_header_idle_cb (gpointer data)
{
  update_header (SL_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
back_clicked_cb (SlWindow  *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
undo_stack_notify_cb (SlWindow    *self,
                      GParamSpec  *pspec,
                      SlUndoStack *undo_stack)
{
  sl_window_update_actions (self);
}

static void
filter_changed_cb (SlWindow *self)
{
  update_title (self);
}

/* A new calendar or fiscal start: the same days, cut the new way. */
static void
follow_calendar (SlWindow    *self,
                 SlWorkspace *workspace)
{
  SlCalendar calendar = sl_workspace_get_calendar (workspace);
  int fiscal_start = sl_workspace_get_fiscal_start_month (workspace);
  const SlPeriod *period;
  SlPeriod next;

  if (self->fiscal_year.calendar != calendar || self->fiscal_year.fiscal_start != fiscal_start)
    {
      sl_workspace_get_fiscal_year (workspace, self->fiscal_year.first, &next);
      sl_window_set_fiscal_year (self, &next);
    }
  period = self->filter != NULL ? sl_view_filter_get_period (self->filter) : NULL;
  if (period == NULL || (period->calendar == calendar && period->fiscal_start == fiscal_start))
    return;
  if (period->kind == SL_PERIOD_CUSTOM)
    {
      next = *period;
      next.calendar = calendar;
      next.fiscal_start = fiscal_start;
    }
  else
    sl_period_init (&next, period->kind, calendar, fiscal_start, period->first);
  sl_view_filter_set_period (self->filter, &next);
}

static void
workspace_changed_cb (SlWindow    *self,
                      const char  *table,
                      SlWorkspace *workspace)
{
  follow_calendar (self, workspace);
  update_title (self);
}

static void
sl_window_dispose (GObject *object)
{
  SlWindow *self = (SlWindow *)object;

  if (self->workspace != NULL)
    sl_window_set_workspace (self, NULL);
  g_clear_handle_id (&self->pending_toast_id, g_source_remove);
  g_clear_object (&self->pending_toast);
  g_clear_object (&self->import_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sl_window_parent_class)->dispose (object);
}

static void
sl_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  SlWindow *self = SL_WINDOW (widget);
  gboolean narrow = width < HEADER_FILTERS_MIN_WIDTH;

  GTK_WIDGET_CLASS (sl_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* After this allocation: changing visibility inside one is not allowed. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_header_idle_cb, g_object_ref (self), g_object_unref);
    }
}

/* The window's icon, for window managers that draw one (X11): looked
 * up after the first frame, since finding it in the icon themes costs
 * more than drawing the window. Wayland shells take the application's. */
static gboolean
set_icon_idle_cb (gpointer data)
{
  gtk_window_set_icon_name (GTK_WINDOW (data), APP_ID);
  return G_SOURCE_REMOVE;
}

/* The page shown first fills itself in now, before the window's first
 * measure, rather than when it is mapped, which would measure it all
 * again. */
static void
sl_window_realize (GtkWidget *widget)
{
  SlWindow *self = SL_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  GTK_WIDGET_CLASS (sl_window_parent_class)->realize (widget);
  if (page != NULL && SL_IS_VIEW (page))
    sl_view_catch_up (SL_VIEW (page));
}

static void
sl_window_map (GtkWidget *widget)
{
  SlWindow *self = SL_WINDOW (widget);

  if (self->workspace == NULL && self->welcome_page == NULL)
    sl_window_show_main_page (self);
  GTK_WIDGET_CLASS (sl_window_parent_class)->map (widget);
  if (gtk_window_get_icon_name (GTK_WINDOW (widget)) == NULL)
    g_idle_add_full (G_PRIORITY_LOW, set_icon_idle_cb, g_object_ref (widget), g_object_unref);
}

static void
sl_window_class_init (SlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_window_dispose;
  widget_class->size_allocate = sl_window_size_allocate;
  widget_class->realize = sl_window_realize;
  widget_class->map = sl_window_map;

  g_type_ensure (SL_TYPE_SYNC_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, title);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, period_label);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, year_box);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, year_previous_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, year_next_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, plan_previous_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, plan_next_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, imports_bin);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_header);

  sl_window_class_add_view_callbacks (widget_class);
  sl_window_class_add_actions (widget_class);
  sl_window_class_add_review_action (widget_class);
}

/* The main menu is made the first time it opens (a menu button makes
 * its popover when given the model). */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       data)
{
  SlWindow *self = data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* Not in the template: GTK asks the display where the pointer is for each
 * tooltip a template sets, a round trip each while the window opens. */
static void
set_tooltips (SlWindow *self)
{
  sl_tooltip_set_text (self->back_button, _("Back"));
  sl_tooltip_set_text (self->year_previous_button, _("Previous Fiscal Year"));
  sl_tooltip_set_text (self->year_next_button, _("Next Fiscal Year"));
  sl_tooltip_set_text (self->plan_previous_button, _("Previous Fiscal Year"));
  sl_tooltip_set_text (self->plan_next_button, _("Next Fiscal Year"));
  sl_tooltip_set_text (GTK_WIDGET (self->menu_button), _("Main Menu"));
  sl_tooltip_set_text (self->search_button, _("Search Channels and Campaigns"));
  sl_tooltip_set_text (self->undo_button, _("Undo"));
  sl_tooltip_set_text (self->redo_button, _("Redo"));
}

static void
sl_window_init (SlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_tooltips (self);
  sl_window_views_build_sidebar (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);
  sl_window_init_dnd (self);
  update_header (self);
  sl_window_update_actions (self);
}

SlWindow *
sl_window_new (SlApplication *application)
{
  SlWindow *self;

  g_return_val_if_fail (SL_IS_APPLICATION (application), NULL);

  self = g_object_new (SL_TYPE_WINDOW, "application", application, NULL);
  g_set_object (&self->settings, sl_application_get_settings (application));

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      sl_window_follow_user_settings (self);
    }
  /* A window opened narrow starts with the filters out of the header
   * bar, so it is never held wide for a frame. */
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
    self->narrow = width > 0 && width < HEADER_FILTERS_MIN_WIDTH;
    update_header (self);
  }
  return self;
}

gboolean
sl_window_open_file (SlWindow *self,
                     GFile    *file)
{
  g_autoptr(SlWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message =
        /* Translators: %s is a file location */
        g_strdup_printf (_("“%s” is not a local file; copy it to this computer to open it"), name);

      sl_window_show_toast (self, message);
      return FALSE;
    }

  workspace = sl_workspace_open (path, &error);
  if (workspace == NULL)
    {
      sl_window_show_toast (self, error->message);
      return FALSE;
    }

  sl_window_set_workspace (self, workspace);
  sl_application_add_recent (SL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
  return TRUE;
}

void
sl_window_set_workspace (SlWindow    *self,
                         SlWorkspace *workspace)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (workspace == NULL || SL_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  sl_window_leave_review (self);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (sl_workspace_get_undo_stack (self->workspace), self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  /* Its Undo would act on the other workspace. */
  g_clear_handle_id (&self->pending_toast_id, g_source_remove);
  g_clear_object (&self->pending_toast);
  if (self->import_toast != NULL)
    {
      adw_toast_set_button_label (self->import_toast, NULL);
      adw_toast_set_action_name (self->import_toast, NULL);
    }
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      sl_window_apply_user (self);
      g_signal_connect_object (sl_workspace_get_undo_stack (workspace), "notify",
                               G_CALLBACK (undo_stack_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "changed::workspace",
                               G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
      sl_workspace_get_default_fiscal_year (workspace, &self->fiscal_year);
    }

  if (self->plan_view != NULL)
    sl_plan_view_set_workspace (self->plan_view, workspace);
  if (self->imports_view != NULL)
    sl_imports_view_set_workspace (self->imports_view, workspace);
  sl_window_views_set_workspace (self, workspace);
  sl_window_sync_set_workspace (self, workspace);
  if (workspace != NULL)
    {
      g_autofree char *view = NULL;

      g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb),
                               self, G_CONNECT_SWAPPED);
      if (self->plan_view != NULL)
        sl_plan_view_set_period (self->plan_view, &self->fiscal_year);
      if (self->settings != NULL)
        view = g_settings_get_string (self->settings, "view");
      if (view == NULL || sl_window_ensure_view (self, view) == NULL)
        {
          g_free (view);
          view = g_strdup ("plan");
        }
      sl_window_show_view (self, view);
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }
  sl_window_show_main_page (self);

  update_title (self);
  sl_window_update_actions (self);
}

SlWorkspace *
sl_window_get_workspace (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return self->workspace;
}

void
sl_window_set_fiscal_year (SlWindow       *self,
                           const SlPeriod *fiscal_year)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (fiscal_year != NULL);
  g_return_if_fail (self->workspace != NULL);

  self->fiscal_year = *fiscal_year;
  if (self->plan_view != NULL)
    sl_plan_view_set_period (self->plan_view, fiscal_year);
  update_title (self);
}

const SlPeriod *
sl_window_get_fiscal_year (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return self->workspace != NULL ? &self->fiscal_year : NULL;
}

/* The plan and the imports are made the first time they are needed. */
SlPlanView *
sl_window_get_plan_view (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);

  if (self->plan_view == NULL)
    {
      self->plan_view = g_object_new (SL_TYPE_PLAN_VIEW, NULL);
      adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->plan_view));
      if (self->workspace != NULL)
        {
          sl_plan_view_set_workspace (self->plan_view, self->workspace);
          sl_plan_view_set_period (self->plan_view, &self->fiscal_year);
        }
    }
  return self->plan_view;
}

SlImportsView *
sl_window_get_imports_view (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);

  if (self->imports_view == NULL)
    {
      self->imports_view = g_object_new (SL_TYPE_IMPORTS_VIEW, NULL);
      adw_bin_set_child (self->imports_bin, GTK_WIDGET (self->imports_view));
      if (self->workspace != NULL)
        sl_imports_view_set_workspace (self->imports_view, self->workspace);
    }
  return self->imports_view;
}

static void
welcome_open_file_cb (SlWindow      *self,
                      GFile         *file,
                      SlWelcomePage *page)
{
  sl_window_open_file (self, file);
}

/* The workspace's pages, or the welcome page (made when first shown)
 * when none is open. */
void
sl_window_show_main_page (SlWindow *self)
{
  if (self->workspace == NULL && self->welcome_page == NULL)
    {
      self->welcome_page = SL_WELCOME_PAGE (sl_welcome_page_new (self->settings));
      gtk_menu_button_set_create_popup_func (sl_welcome_page_get_menu_button (self->welcome_page),
                                             create_primary_menu_cb, self, NULL);
      g_signal_connect_object (self->welcome_page, "open-file", G_CALLBACK (welcome_open_file_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->welcome_page), "welcome");
    }
  gtk_stack_set_visible_child_name (self->main_stack, self->workspace != NULL ? "workspace" : "welcome");
}

SlChannelsView *
sl_window_get_channels_view (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);

  return SL_CHANNELS_VIEW (gtk_stack_get_child_by_name (self->content_stack, "channels"));
}

SlFunnelView *
sl_window_get_funnel_view (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);

  return SL_FUNNEL_VIEW (gtk_stack_get_child_by_name (self->content_stack, "funnel"));
}

SlTimelineView *
sl_window_get_timeline_view (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);

  return SL_TIMELINE_VIEW (gtk_stack_get_child_by_name (self->content_stack, "timeline"));
}

SlOverviewView *
sl_window_get_overview_view (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);

  return SL_OVERVIEW_VIEW (gtk_stack_get_child_by_name (self->content_stack, "overview"));
}

SlViewFilter *
sl_window_get_view_filter (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return self->filter;
}

const char *
sl_window_get_view (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

void
sl_window_show_view (SlWindow   *self,
                     const char *name)
{
  GtkWidget *row;

  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  sl_window_ensure_view (self, name);
  gtk_stack_set_visible_child_name (self->content_stack, name);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
}

AdwToast *
sl_window_show_toast (SlWindow   *self,
                      const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  /* Toast titles are Pango markup in libadwaita 1.2; ours are text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}
