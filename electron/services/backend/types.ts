// The shape of a method handler: parsed input in, the contract's output out (or an ApiFailure).
import type { MethodName, MethodOutput, MethodParsedInput } from '../../../shared/api/contract';
import type { BackendContext } from './context';

export type Handler<M extends MethodName> = (ctx: BackendContext, input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers<K extends MethodName = MethodName> = { [M in K]: Handler<M> };
