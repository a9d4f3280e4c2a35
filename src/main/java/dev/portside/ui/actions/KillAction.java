package dev.portside.ui.actions;

import dev.portside.knowledge.Texts;
import org.kordamp.ikonli.feather.Feather;

/** "End process": ends the selected socket's owner after the confirmation. */
final class KillAction extends UiAction {

    KillAction(ActionsViewModel model) {
        super(Texts.get("action.button.kill"), Feather.X_OCTAGON, model.killDisabledProperty(),
                model.killTipProperty(), model::endSelected);
        followText(model.killTextProperty()); // "Stop container shop-web" for a container's port
    }
}
