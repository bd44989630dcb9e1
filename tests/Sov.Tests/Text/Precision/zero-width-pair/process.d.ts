/**
 * The idea of ​​this function is to help you free up resources.
 */
export declare function exiting(): void;
