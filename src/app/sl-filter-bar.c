/* sl-filter-bar.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-filter-bar.h"
#include "sl-tooltip.h"

struct _SlFilterBar
{
  GtkWidget       parent_instance;

  GtkWidget      *previous_button;
  GtkMenuButton  *period_button;
  GtkWidget      *next_button;
  GtkMenuButton  *filter_button;
  /* The popovers' widgets, built the first time one opens (NULL until). */
  GtkPopover     *period_popover;
  GtkListBox     *kind_list;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *custom_error;
  GtkDropDown    *channel_dropdown;
  GtkDropDown    *campaign_dropdown;
  GtkDropDown    *credit_dropdown;

  SlWorkspace    *workspace;
  SlViewFilter   *filter;
  GArray         *channel_ids;   /* gint64 per channel row after "All" */
  GArray         *campaign_ids;  /* gint64 per campaign row after "All" */
  gint64          campaigns_channel_id;  /* whose campaigns campaign_ids holds */
  gboolean        syncing;       /* updating the controls from the filter */
};

G_DEFINE_FINAL_TYPE (SlFilterBar, sl_filter_bar, GTK_TYPE_WIDGET)

static const struct {
  SlPeriodKind  kind;
  const char   *label;
} kinds[] = {
  { SL_PERIOD_MONTH, N_("Month") },
  { SL_PERIOD_QUARTER, N_("Quarter") },
  { SL_PERIOD_FISCAL_YEAR, N_("Fiscal Year") },
};

static void
set_strings (GtkDropDown *dropdown,
             GPtrArray   *strings)
{
  g_autoptr(GtkStringList) list = NULL;

  g_ptr_array_add (strings, NULL);
  list = gtk_string_list_new ((const char * const *)strings->pdata);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

/* "All campaigns" and the campaigns of the channel chosen. */
static void
rebuild_campaigns (SlFilterBar *self,
                   gint64       channel_id)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GListModel *campaigns = G_LIST_MODEL (sl_workspace_get_campaigns (self->workspace));

  self->campaigns_channel_id = channel_id;
  g_array_set_size (self->campaign_ids, 0);
  g_ptr_array_add (names, (gpointer)_("All campaigns"));
  for (guint i = 0; channel_id != 0 && i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(SlCampaign) campaign = g_list_model_get_item (campaigns, i);
      gint64 id = sl_record_get_id (SL_RECORD (campaign));

      if (sl_campaign_get_channel_id (campaign) != channel_id)
        continue;
      g_array_append_val (self->campaign_ids, id);
      g_ptr_array_add (names, (gpointer)sl_campaign_get_name (campaign));
    }
  set_strings (self->campaign_dropdown, names);
  gtk_widget_set_sensitive (GTK_WIDGET (self->campaign_dropdown), channel_id != 0);
}

static void
rebuild_channels (SlFilterBar *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GListModel *channels = G_LIST_MODEL (sl_workspace_get_channels (self->workspace));

  g_array_set_size (self->channel_ids, 0);
  g_ptr_array_add (names, (gpointer)_("All channels"));
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(SlChannel) channel = g_list_model_get_item (channels, i);
      gint64 id = sl_record_get_id (SL_RECORD (channel));

      g_array_append_val (self->channel_ids, id);
      g_ptr_array_add (names, (gpointer)sl_channel_get_name (channel));
    }
  set_strings (self->channel_dropdown, names);
}

static guint
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i + 1;
  return 0;
}

static void
sync_from_filter (SlFilterBar *self)
{
  const SlPeriod *period = sl_view_filter_get_period (self->filter);
  g_autofree char *label = sl_period_format (period, NULL);
  g_autofree char *first = sl_day_to_iso (period->first);
  g_autofree char *last = sl_day_to_iso (period->last);
  g_autofree char *name = NULL;
  SlScope scope;
  gint64 channel_id;

  self->syncing = TRUE;
  gtk_menu_button_set_label (self->period_button, label);
  /* Translators: the accessible name of the period button; %s is the period, e.g. “FY2025” */
  name = g_strdup_printf (_("Period: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->period_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  sl_view_filter_get_scope (self->filter, &scope);
  if (self->period_popover != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), first);
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), last);

      channel_id = sl_campaign_store_get_scope_channel (sl_workspace_get_campaigns (self->workspace), &scope);
      gtk_drop_down_set_selected (self->channel_dropdown, index_of (self->channel_ids, channel_id));
      if (channel_id != self->campaigns_channel_id)
        rebuild_campaigns (self, channel_id);
      gtk_drop_down_set_selected (self->campaign_dropdown,
                                  scope.kind == SL_SCOPE_CAMPAIGN ? index_of (self->campaign_ids, scope.id) : 0);
      gtk_drop_down_set_selected (self->credit_dropdown,
                                  sl_view_filter_get_attributed (self->filter)
                                  ? (guint)sl_view_filter_get_model (self->filter) + 1 : 0);
    }

  /* A filter in force shows on its button. */
  if (scope.kind != SL_SCOPE_WORKSPACE || sl_view_filter_get_attributed (self->filter))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  self->syncing = FALSE;
}

static void
previous_clicked_cb (SlFilterBar *self)
{
  if (self->filter != NULL)
    sl_view_filter_step (self->filter, -1);
}

static void
next_clicked_cb (SlFilterBar *self)
{
  if (self->filter != NULL)
    sl_view_filter_step (self->filter, 1);
}

static void
kind_row_activated_cb (SlFilterBar   *self,
                       GtkListBoxRow *row)
{
  guint i = gtk_list_box_row_get_index (row);
  SlDay anchor = sl_day_today ();
  SlDay last_actual;

  if (self->filter == NULL || i >= G_N_ELEMENTS (kinds))
    return;
  /* Open on the latest figures rather than on an empty month. */
  last_actual = sl_workspace_get_last_actual_day (self->workspace);
  if (last_actual != SL_DAY_INVALID && last_actual < anchor)
    anchor = last_actual;
  sl_view_filter_set_period_kind (self->filter, kinds[i].kind, anchor);
  gtk_popover_popdown (self->period_popover);
}

static void
custom_apply_cb (SlFilterBar *self)
{
  const SlPeriod *period;
  SlPeriod custom;
  SlDay first, last;
  g_autoptr(GError) error = NULL;

  if (self->filter == NULL)
    return;
  period = sl_view_filter_get_period (self->filter);
  if (!sl_day_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), &first, &error) ||
      !sl_day_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), &last, &error) ||
      !sl_period_init_custom (&custom, period->calendar, first, last, &error))
    {
      gtk_label_set_label (self->custom_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->custom_error), TRUE);
      return;
    }
  custom.fiscal_start = period->fiscal_start;
  gtk_widget_set_visible (GTK_WIDGET (self->custom_error), FALSE);
  sl_view_filter_set_period (self->filter, &custom);
  gtk_popover_popdown (self->period_popover);
}

static void
channel_selected_cb (SlFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->channel_dropdown);
  gint64 channel_id = 0;

  if (self->syncing || self->filter == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->channel_ids->len)
    channel_id = g_array_index (self->channel_ids, gint64, selected - 1);
  sl_view_filter_set_scope (self->filter, &SL_SCOPE_INIT_CHANNEL (channel_id));
}

static void
campaign_selected_cb (SlFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->campaign_dropdown);
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);

  if (self->syncing || self->filter == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->campaign_ids->len)
    sl_view_filter_set_scope (self->filter,
                              &SL_SCOPE_INIT_CAMPAIGN (g_array_index (self->campaign_ids, gint64, selected - 1)));
  else if (channel != GTK_INVALID_LIST_POSITION && channel > 0 && channel <= self->channel_ids->len)
    sl_view_filter_set_scope (self->filter,
                              &SL_SCOPE_INIT_CHANNEL (g_array_index (self->channel_ids, gint64, channel - 1)));
}

static void
credit_selected_cb (SlFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->credit_dropdown);

  if (self->syncing || self->filter == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected == 0)
    sl_view_filter_set_attribution (self->filter, FALSE, sl_view_filter_get_model (self->filter));
  else if (selected - 1 < SL_ATTRIBUTION_N_MODELS)
    sl_view_filter_set_attribution (self->filter, TRUE, (SlAttributionModel)(selected - 1));
}

static void
build_kind_list (SlFilterBar *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *label = gtk_label_new (_(kinds[i].label));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_append (self->kind_list, label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
    }
}

static void
build_credit_list (SlFilterBar *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  /* Translators: revenue credited to the channel each deal came from */
  g_ptr_array_add (labels, (gpointer)_("Channel of origin"));
  for (SlAttributionModel m = 0; m < SL_ATTRIBUTION_N_MODELS; m++)
    g_ptr_array_add (labels, (gpointer)sl_attribution_model_get_label (m));
  set_strings (self->credit_dropdown, labels);
}

static void
stores_changed_cb (SlFilterBar *self)
{
  SlScope scope;

  if (self->period_popover == NULL)
    {
      sync_from_filter (self);
      return;
    }
  self->syncing = TRUE;
  rebuild_channels (self);
  sl_view_filter_get_scope (self->filter, &scope);
  rebuild_campaigns (self, sl_campaign_store_get_scope_channel (sl_workspace_get_campaigns (self->workspace), &scope));
  self->syncing = FALSE;
  sync_from_filter (self);
}

/* Builds both popovers from their own file the first time either
 * opens: a window opens without them. */
static void
build_popovers (SlFilterBar *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GError) error = NULL;
  GtkBuilderCScope *cscope = GTK_BUILDER_CSCOPE (scope);

  gtk_builder_cscope_add_callback_symbols (cscope,
                                           "kind_row_activated_cb", G_CALLBACK (kind_row_activated_cb),
                                           "custom_apply_cb", G_CALLBACK (custom_apply_cb),
                                           "channel_selected_cb", G_CALLBACK (channel_selected_cb),
                                           "campaign_selected_cb", G_CALLBACK (campaign_selected_cb),
                                           "credit_selected_cb", G_CALLBACK (credit_selected_cb),
                                           NULL);
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/ui/sl-filter-bar-popovers.ui", &error))
    g_error ("The filter bar's popovers: %s", error->message);

#define GET(name) GTK_WIDGET (gtk_builder_get_object (builder, name))
  self->period_popover = GTK_POPOVER (GET ("period_popover"));
  self->kind_list = GTK_LIST_BOX (GET ("kind_list"));
  self->from_entry = GTK_ENTRY (GET ("from_entry"));
  self->to_entry = GTK_ENTRY (GET ("to_entry"));
  self->custom_error = GTK_LABEL (GET ("custom_error"));
  self->channel_dropdown = GTK_DROP_DOWN (GET ("channel_dropdown"));
  self->campaign_dropdown = GTK_DROP_DOWN (GET ("campaign_dropdown"));
  self->credit_dropdown = GTK_DROP_DOWN (GET ("credit_dropdown"));
  gtk_menu_button_set_popover (self->period_button, GTK_WIDGET (self->period_popover));
  gtk_menu_button_set_popover (self->filter_button, GET ("filter_popover"));
#undef GET

  build_kind_list (self);
  build_credit_list (self);
  if (self->filter != NULL)
    stores_changed_cb (self);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       data)
{
  SlFilterBar *self = data;

  if (self->period_popover == NULL)
    build_popovers (self);
}

static void
sl_filter_bar_dispose (GObject *object)
{
  SlFilterBar *self = (SlFilterBar *)object;
  GtkWidget *child;

  sl_filter_bar_set_context (self, NULL, NULL);
  /* The template's only child holds everything. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sl_filter_bar_parent_class)->dispose (object);
}

static void
sl_filter_bar_finalize (GObject *object)
{
  SlFilterBar *self = (SlFilterBar *)object;

  g_array_unref (self->channel_ids);
  g_array_unref (self->campaign_ids);

  G_OBJECT_CLASS (sl_filter_bar_parent_class)->finalize (object);
}

static void
sl_filter_bar_class_init (SlFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_filter_bar_dispose;
  object_class->finalize = sl_filter_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-filter-bar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SlFilterBar, previous_button);
  gtk_widget_class_bind_template_child (widget_class, SlFilterBar, period_button);
  gtk_widget_class_bind_template_child (widget_class, SlFilterBar, next_button);
  gtk_widget_class_bind_template_child (widget_class, SlFilterBar, filter_button);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
}

static void
sl_filter_bar_init (SlFilterBar *self)
{
  self->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not in the template: GTK asks the display where the pointer is for
   * each tooltip a template sets, a round trip while the window opens. */
  sl_tooltip_set_text (self->previous_button, _("Previous Period"));
  sl_tooltip_set_text (GTK_WIDGET (self->period_button), _("Choose the Period"));
  sl_tooltip_set_text (self->next_button, _("Next Period"));
  sl_tooltip_set_text (GTK_WIDGET (self->filter_button), _("Channel, Campaign and Revenue Credit"));
  gtk_menu_button_set_create_popup_func (self->period_button, create_popup_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->filter_button, create_popup_cb, self, NULL);
}

void
sl_filter_bar_set_context (SlFilterBar  *self,
                           SlWorkspace  *workspace,
                           SlViewFilter *filter)
{
  g_return_if_fail (SL_IS_FILTER_BAR (self));
  g_return_if_fail ((workspace == NULL) == (filter == NULL));

  if (self->filter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter, self);
      g_signal_handlers_disconnect_by_data (sl_workspace_get_channels (self->workspace), self);
      g_signal_handlers_disconnect_by_data (sl_workspace_get_campaigns (self->workspace), self);
    }
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->filter, filter);
  gtk_widget_set_sensitive (GTK_WIDGET (self), filter != NULL);
  if (filter == NULL)
    return;

  g_signal_connect_object (filter, "changed", G_CALLBACK (sync_from_filter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sl_workspace_get_channels (workspace), "items-changed",
                           G_CALLBACK (stores_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sl_workspace_get_campaigns (workspace), "items-changed",
                           G_CALLBACK (stores_changed_cb), self, G_CONNECT_SWAPPED);
  stores_changed_cb (self);
}

void
sl_filter_bar_popup_filters (SlFilterBar *self)
{
  g_return_if_fail (SL_IS_FILTER_BAR (self));

  gtk_menu_button_popup (self->filter_button);
}
