/* sl-window-views.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-window-private.h"

/* The pages of the sidebar, in its order. Pages with a type are made
 * the first time they are shown (SlView); the others are in the window's
 * template. */
typedef struct
{
  const char *name;
  const char *icon;
  const char *label;
  GType     (*get_type) (void);
  gboolean    follows_filter;  /* the period and filters apply */
} SlWindowPage;

static const SlWindowPage pages[] = {
  { "overview", "sunlight-overview-symbolic", N_("Overview"), sl_overview_view_get_type, TRUE },
  { "funnel", "sunlight-funnel-symbolic", N_("Funnel"), sl_funnel_view_get_type, TRUE },
  { "channels", "sunlight-channels-symbolic", N_("Channels"), sl_channels_view_get_type, TRUE },
  { "timeline", "sunlight-timeline-symbolic", N_("Timeline"), sl_timeline_view_get_type, TRUE },
  { "plan", "view-grid-symbolic", N_("Budget plan"), NULL, FALSE },
  { "goals", "sunlight-goals-symbolic", N_("Goals"), sl_goals_view_get_type, FALSE },
  { "notes", "sunlight-notes-symbolic", N_("Wins & Losses"), sl_notes_view_get_type, TRUE },
  { "plans", "sunlight-plans-symbolic", N_("Reallocation Plans"), sl_plans_view_get_type, FALSE },
  { "request", "sunlight-request-symbolic", N_("Budget Request"), sl_request_view_get_type, FALSE },
  { "imports", "document-open-recent-symbolic", N_("Imports"), NULL, FALSE },
  { "history", "document-revert-symbolic", N_("History"), sl_history_view_get_type, TRUE },
};

static const SlWindowPage *
find_page (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      return &pages[i];
  return NULL;
}

gboolean
sl_window_view_is_analysis (const char *name)
{
  const SlWindowPage *page = find_page (name);

  return page != NULL && page->follows_filter;
}

static GtkWidget *
create_sidebar_row (const SlWindowPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(page->label));

  gtk_widget_set_name (row, page->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (page->icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return row;
}

void
sl_window_views_build_sidebar (SlWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_list_box_append (self->sidebar_list, create_sidebar_row (&pages[i]));
}

/* "channel:UUID" or "campaign:UUID" of @scope; "" for all channels. */
static char *
scope_to_string (SlWindow      *self,
                 const SlScope *scope)
{
  SlRecord *record = NULL;

  if (scope->kind == SL_SCOPE_CHANNEL)
    record = SL_RECORD (sl_channel_store_lookup (sl_workspace_get_channels (self->workspace), scope->id));
  else if (scope->kind == SL_SCOPE_CAMPAIGN)
    record = SL_RECORD (sl_campaign_store_lookup (sl_workspace_get_campaigns (self->workspace), scope->id));
  if (record == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s:%s", scope->kind == SL_SCOPE_CHANNEL ? "channel" : "campaign",
                          sl_record_get_uuid (record));
}

static gint64
find_uuid (GListModel *records,
           const char *uuid)
{
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(SlRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (sl_record_get_uuid (record), uuid) == 0)
        return sl_record_get_id (record);
    }
  return 0;
}

static SlScope
scope_from_string (SlWindow   *self,
                   const char *text)
{
  if (g_str_has_prefix (text, "channel:"))
    return SL_SCOPE_INIT_CHANNEL (find_uuid (G_LIST_MODEL (sl_workspace_get_channels (self->workspace)),
                                             text + strlen ("channel:")));
  if (g_str_has_prefix (text, "campaign:"))
    return SL_SCOPE_INIT_CAMPAIGN (find_uuid (G_LIST_MODEL (sl_workspace_get_campaigns (self->workspace)),
                                              text + strlen ("campaign:")));
  return SL_SCOPE_INIT_WORKSPACE;
}

static void
save_filter (SlWindow *self)
{
  g_autofree char *period = NULL;
  g_autofree char *scope_text = NULL;
  g_autofree char *attribution = NULL;
  SlScope scope;

  if (self->settings == NULL || self->filter == NULL)
    return;
  period = sl_period_to_string (sl_view_filter_get_period (self->filter));
  sl_view_filter_get_scope (self->filter, &scope);
  scope_text = scope_to_string (self, &scope);
  attribution = sl_view_filter_dup_attribution_string (self->filter);
  g_settings_set_string (self->settings, "period", period);
  g_settings_set_string (self->settings, "scope", scope_text);
  g_settings_set_string (self->settings, "attribution", attribution);
}

void
sl_window_views_save_view (SlWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->content_stack);

  if (self->settings != NULL && self->workspace != NULL && name != NULL)
    g_settings_set_string (self->settings, "view", name);
}

/* The period, scope and credit of the last run, when they still make
 * sense in @workspace. */
static void
restore_filter (SlWindow    *self,
                SlWorkspace *workspace)
{
  g_autofree char *period_text = NULL;
  g_autofree char *scope_text = NULL;
  g_autofree char *attribution = NULL;
  SlPeriod period;
  SlScope scope;

  if (self->settings == NULL)
    return;
  period_text = g_settings_get_string (self->settings, "period");
  if (period_text[0] != '\0' &&
      sl_period_parse (period_text, sl_workspace_get_calendar (workspace),
                       sl_workspace_get_fiscal_start_month (workspace), &period, NULL))
    sl_view_filter_set_period (self->filter, &period);
  scope_text = g_settings_get_string (self->settings, "scope");
  scope = scope_from_string (self, scope_text);
  sl_view_filter_set_scope (self->filter, &scope);
  attribution = g_settings_get_string (self->settings, "attribution");
  sl_view_filter_set_attribution_string (self->filter, attribution);
}

static void
filter_changed_cb (SlWindow     *self,
                   SlViewFilter *filter)
{
  save_filter (self);
}

SlFilterBar *
sl_window_views_ensure_narrow_filter_bar (SlWindow *self)
{
  if (self->filter_bar_narrow == NULL)
    {
      self->filter_bar_narrow = g_object_new (SL_TYPE_FILTER_BAR, NULL);
      gtk_center_box_set_center_widget (GTK_CENTER_BOX (self->filter_toolbar),
                                        GTK_WIDGET (self->filter_bar_narrow));
      if (self->filter != NULL)
        sl_filter_bar_set_context (self->filter_bar_narrow, self->workspace, self->filter);
    }
  return self->filter_bar_narrow;
}

void
sl_window_views_set_workspace (SlWindow    *self,
                               SlWorkspace *workspace)
{
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);

  if (workspace != NULL)
    {
      SlPeriod year;

      sl_workspace_get_default_fiscal_year (workspace, &year);
      self->filter = sl_view_filter_new (&year);
      restore_filter (self, workspace);
      g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  sl_filter_bar_set_context (self->filter_bar, workspace, self->filter);
  if (self->filter_bar_narrow != NULL)
    sl_filter_bar_set_context (self->filter_bar_narrow, workspace, self->filter);
  /* The pages made so far; the others are made when first shown. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *view = gtk_stack_get_child_by_name (self->content_stack, pages[i].name);

      if (view != NULL && SL_IS_VIEW (view))
        sl_view_set_context (SL_VIEW (view), workspace, self->filter);
    }
}

/* A page is made the first time it is needed: a window opens as fast
 * as the one page it shows. */
GtkWidget *
sl_window_ensure_view (SlWindow   *self,
                       const char *name)
{
  const SlWindowPage *page = find_page (name);
  GtkWidget *view = gtk_stack_get_child_by_name (self->content_stack, name);

  if (page != NULL && g_str_equal (name, "plan"))
    sl_window_get_plan_view (self);
  else if (page != NULL && g_str_equal (name, "imports"))
    sl_window_get_imports_view (self);
  if (view != NULL || page == NULL || page->get_type == NULL)
    return view;

  view = g_object_new (page->get_type (), NULL);
  if (self->workspace != NULL)
    sl_view_set_context (SL_VIEW (view), self->workspace, self->filter);
  gtk_stack_add_named (self->content_stack, view, name);
  return view;
}

static void
search_changed_cb (SlWindow       *self,
                   GtkSearchEntry *entry)
{
  if (self->filter != NULL)
    sl_view_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

void
sl_window_class_add_view_callbacks (GtkWidgetClass *widget_class)
{
  g_type_ensure (SL_TYPE_FILTER_BAR);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, filter_toolbar);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}
