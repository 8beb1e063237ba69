package dev.regua.notification.channel.application;

import dev.regua.notification.channel.domain.Outgoing;
import dev.regua.notification.channel.domain.SendOutcome;
import dev.regua.notification.provider.domain.ProviderKind;
import dev.regua.notification.provider.domain.ProviderSettings;
import io.smallrye.mutiny.Uni;

/** The one port every channel's provider sits behind. Never fails: every problem is an outcome. */
public interface ChannelSender {
    ProviderKind kind();

    Uni<SendOutcome> send(Outgoing message, ProviderSettings settings);
}
