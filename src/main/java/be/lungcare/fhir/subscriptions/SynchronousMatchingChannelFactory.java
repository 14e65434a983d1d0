package be.lungcare.fhir.subscriptions;

import ca.uhn.fhir.broker.api.IChannelNamer;
import ca.uhn.fhir.jpa.subscription.channel.impl.LinkedBlockingChannel;
import ca.uhn.fhir.jpa.subscription.channel.impl.LinkedBlockingChannelFactory;
import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import ca.uhn.fhir.jpa.subscription.match.matcher.subscriber.SubscriptionMatchingListener;

/**
 * HAPI's in-memory channels, except that the matching channel runs its listeners on the sending thread. HAPI's pass
 * over its queue of changes removes a change and sends it to the matching channel in one transaction; with the
 * listeners on that thread, the notifications they log ({@link MatchRecorder}) commit in the same transaction. A
 * crash then leaves the change either queued (matched again after the restart) or logged: none is lost between the
 * two, as with HAPI's own thread pool, which takes the change out of the database before matching it.
 */
final class SynchronousMatchingChannelFactory extends LinkedBlockingChannelFactory {

	SynchronousMatchingChannelFactory(IChannelNamer channelNamer, RetryPolicyProvider retryPolicyProvider) {
		super(channelNamer, retryPolicyProvider);
	}

	@Override
	protected LinkedBlockingChannel buildLinkedBlockingChannel(int concurrentConsumers, String channelName) {
		if (SubscriptionMatchingListener.SUBSCRIPTION_MATCHING_CHANNEL_NAME.equals(channelName)) {
			return LinkedBlockingChannel.newSynchronous(channelName, myRetryPolicyProvider);
		}
		return super.buildLinkedBlockingChannel(concurrentConsumers, channelName);
	}
}
